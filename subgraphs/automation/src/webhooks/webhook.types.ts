import { ConnectionType, errorType, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { WebhookDeliveryStateError } from "./webhook.errors.js";

export enum WebhookDeliveryStatusEnum {
  PENDING = "PENDING",
  SUCCEEDED = "SUCCEEDED",
  FAILED = "FAILED",
}

registerEnumType(WebhookDeliveryStatusEnum, {
  name: "WebhookDeliveryStatus",
  description: "Where a webhook delivery stands.",
  valuesConfig: {
    PENDING: { description: "Waiting for its next attempt (the retry schedule, or a redelivery)." },
    SUCCEEDED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Every attempt failed (or its endpoint was disabled); staff may redeliver it." },
  },
});

errorType(WebhookDeliveryStateError, {
  description: "The delivery cannot be sent again now: it is still being attempted, or its endpoint is disabled.",
});

@ObjectType("WebhookEventType", { description: "An event an endpoint may subscribe to." })
export class WebhookEventTypeView {
  @Field(() => String, { description: "The event's name, e.g. `billing.invoice.paid`: the `type` of the webhook body." })
  name!: string;
  @Field(() => String, { description: "What happened, and what its `data` holds." })
  description!: string;
  @Field(() => String, { description: "The section that announces it (identity, billing, documents…)." })
  producer!: string;
  @Field(() => Int, { description: "The payload's version; it goes up when a change would break receivers." })
  version!: number;
}

@ObjectType("WebhookEndpoint", {
  description:
    "A receiver of this business's events, POSTed per the Standard Webhooks specification (`webhook-id`, `webhook-timestamp`, `webhook-signature` headers; body `{ type, timestamp, data }`).",
})
export class WebhookEndpointView {
  @Field(() => ID, { description: "Endpoint id." })
  id!: string;
  @Field(() => String, { description: "Where events are POSTed (https and a public address in production)." })
  url!: string;
  @Field(() => String, { description: "What staff wrote about it (may be empty)." })
  description!: string;
  @Field(() => [String], { description: "The event names it receives (see `webhookEventTypes`)." })
  eventTypes!: string[];
  @Field(() => Boolean, { description: "Off: no new deliveries, and queued retries end as FAILED." })
  enabled!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it was turned off; null while enabled." })
  disabledAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: "Why the platform turned it off (every attempt failed for 24 hours); null when enabled or turned off by staff.",
  })
  disabledReason!: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: "Since when every attempt has failed; null after a success. 24 hours of failures disable the endpoint.",
  })
  failingSince!: Date | null;
  @Field(() => GraphQLISODateTime, { description: "When it was registered." })
  createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: "When it was last changed." })
  updatedAt!: Date;
}

export const WebhookEndpointConnection = ConnectionType(WebhookEndpointView, "WebhookEndpoint");

@ObjectType("WebhookAttempt", { description: "One HTTP request of a delivery and the receiver's answer." })
export class WebhookAttemptView {
  @Field(() => Int, { description: "1 for the first attempt, then in order." })
  number!: number;
  @Field(() => Boolean, { description: "Staff asked for it (redeliver) rather than the retry schedule." })
  manual!: boolean;
  @Field(() => GraphQLISODateTime, { description: "When the request started." })
  startedAt!: Date;
  @Field(() => Int, { description: "How long it took, in milliseconds." })
  durationMs!: number;
  @Field(() => Int, { nullable: true, description: "The receiver's HTTP status; null when no answer came." })
  responseCode!: number | null;
  @Field(() => String, { nullable: true, description: "The first 4 kB of the receiver's answer." })
  responseBody!: string | null;
  @Field(() => String, { nullable: true, description: "Why it failed (refused address, timeout, HTTP status…); null on success." })
  error!: string | null;
  @Field(() => Boolean, { description: "The receiver answered 2xx." })
  succeeded!: boolean;
}

@ObjectType("WebhookDelivery", { description: "One event sent to one endpoint, with its attempts." })
export class WebhookDeliveryView {
  @Field(() => ID, { description: "Delivery id." })
  id!: string;
  @Field(() => ID, { description: "The endpoint it goes to." })
  endpointId!: string;
  @Field(() => ID, { description: "The event's id; the `webhook-id` header is `msg_` and this id without dashes." })
  eventId!: string;
  @Field(() => String, { description: "The event's name, e.g. `billing.invoice.paid`." })
  eventType!: string;
  @Field(() => String, { description: "The JSON body as sent: `{ type, timestamp, data }`." })
  body!: string;
  @Field(() => WebhookDeliveryStatusEnum, { description: "Where it stands." })
  status!: WebhookDeliveryStatusEnum;
  @Field(() => Int, { description: "Attempts made so far." })
  attempts!: number;
  @Field(() => Int, { nullable: true, description: "The latest attempt's HTTP status; null when none answered." })
  lastResponseCode!: number | null;
  @Field(() => String, { nullable: true, description: "Why the latest attempt failed; null after a success." })
  lastError!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the latest attempt started." })
  lastAttemptAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When the next attempt is due; null when none is." })
  nextAttemptAt!: Date | null;
  @Field(() => GraphQLISODateTime, { description: "When the event was queued for this endpoint." })
  createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: "When it succeeded or failed for good." })
  finishedAt!: Date | null;
}

export const WebhookDeliveryConnection = ConnectionType(WebhookDeliveryView, "WebhookDelivery");

@InputType({ description: "An endpoint's settings." })
export class WebhookEndpointInput {
  @Field(() => String, { description: "Where to POST, at most 2000 characters (https and a public address in production)." })
  url!: string;
  @Field(() => [String], { description: "Event names to receive, at least one, from `webhookEventTypes`." })
  eventTypes!: string[];
  @Field(() => String, { nullable: true, description: "What it is for, at most 500 characters." })
  description?: string | null;
}

@ObjectType({ description: "The endpoint and its signing secret. Copy the secret now: it is not shown again." })
export class WebhookEndpointCreated {
  @Field(() => WebhookEndpointView, { description: "The endpoint." })
  endpoint!: WebhookEndpointView;
  @Field(() => String, { description: "The signing secret, `whsec_` and base64, for verifying `webhook-signature`." })
  secret!: string;
}

@ObjectType({ description: "The endpoint after the change." })
export class WebhookEndpointSuccess {
  @Field(() => WebhookEndpointView, { description: "The endpoint." })
  endpoint!: WebhookEndpointView;
}

@ObjectType({ description: "The endpoint and its delivery log were deleted." })
export class DeleteWebhookEndpointSuccess {
  @Field(() => ID, { description: "Id of the deleted endpoint." })
  id!: string;
}

@ObjectType({ description: "A new attempt of the delivery was queued." })
export class RedeliverWebhookSuccess {
  @Field(() => WebhookDeliveryView, { description: "The delivery, PENDING until the attempt is made." })
  delivery!: WebhookDeliveryView;
}

export const CreateWebhookEndpointResult = createUnionType({
  name: "CreateWebhookEndpointResult",
  description: "Outcome of registering an endpoint.",
  types: () => [WebhookEndpointCreated, ValidationError] as const,
});

export const WebhookEndpointResult = createUnionType({
  name: "WebhookEndpointResult",
  description: "Outcome of changing an endpoint.",
  types: () => [WebhookEndpointSuccess, ValidationError, NotFoundError] as const,
});

export const RotateWebhookSecretResult = createUnionType({
  name: "RotateWebhookSecretResult",
  description: "Outcome of replacing an endpoint's signing secret.",
  types: () => [WebhookEndpointCreated, NotFoundError] as const,
});

export const DeleteWebhookEndpointResult = createUnionType({
  name: "DeleteWebhookEndpointResult",
  description: "Outcome of deleting an endpoint.",
  types: () => [DeleteWebhookEndpointSuccess, NotFoundError] as const,
});

export const RedeliverWebhookResult = createUnionType({
  name: "RedeliverWebhookResult",
  description: "Outcome of sending a delivery again.",
  types: () => [RedeliverWebhookSuccess, NotFoundError, WebhookDeliveryStateError] as const,
});
