import {
  type Caller,
  ConnectionArgs,
  type Connection,
  forbidden,
  mapConnection,
  NotFoundError,
  requireStaff,
  type SubgraphContext,
} from "@portal/kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { attemptsOf, findDelivery, listDeliveries, redeliver } from "./delivery.service.js";
import {
  createEndpoint,
  deleteEndpoint,
  findEndpoint,
  listEndpoints,
  rotateEndpointSecret,
  setEndpointEnabled,
  updateEndpoint,
} from "./endpoint.service.js";
import type { WebhookDelivery, WebhookEndpoint } from "./webhook.entity.js";
import {
  CreateWebhookEndpointResult,
  DeleteWebhookEndpointResult,
  DeleteWebhookEndpointSuccess,
  RedeliverWebhookResult,
  RedeliverWebhookSuccess,
  RotateWebhookSecretResult,
  WebhookAttemptView,
  WebhookDeliveryConnection,
  WebhookDeliveryStatusEnum,
  WebhookDeliveryView,
  WebhookEndpointConnection,
  WebhookEndpointCreated,
  WebhookEndpointInput,
  WebhookEndpointResult,
  WebhookEndpointSuccess,
  WebhookEndpointView,
  WebhookEventTypeView,
} from "./webhook.types.js";
import { WEBHOOK_EVENTS } from "./webhook-events.js";
import type { WebhookSettings } from "./webhook-settings.js";

const endpointView = (endpoint: WebhookEndpoint) => Object.assign(new WebhookEndpointView(), endpoint);
const deliveryView = (delivery: WebhookDelivery) =>
  Object.assign(new WebhookDeliveryView(), delivery, { status: delivery.status as WebhookDeliveryStatusEnum });
const withSecret = ({ endpoint, secret }: { endpoint: WebhookEndpoint; secret: string }) =>
  Object.assign(new WebhookEndpointCreated(), { endpoint: endpointView(endpoint), secret });
const success = (endpoint: WebhookEndpoint) => Object.assign(new WebhookEndpointSuccess(), { endpoint: endpointView(endpoint) });

/** Endpoints carry the business's data out of the platform: the owner or a WRITE key manages them, other staff only look. */
function requireWebhookManager(caller: Caller): string {
  const { businessId, actor } = requireStaff(caller, "write");
  if (actor.kind === "staff" && actor.role !== "owner") throw forbidden("Only the business owner manages webhooks");
  return businessId;
}

/** Outbound webhooks: staff and READ keys see endpoints and their delivery logs; the owner and WRITE keys manage them. */
export function webhookResolver(settings: () => WebhookSettings) {
  @Resolver()
  class WebhookResolver {
    @Query(() => [WebhookEventTypeView], { description: "The events an endpoint may subscribe to (staff)." })
    webhookEventTypes(@Ctx() ctx: SubgraphContext): WebhookEventTypeView[] {
      requireStaff(ctx.caller);
      return WEBHOOK_EVENTS.map(({ name, description, producer, version }) => ({ name, description, producer, version }));
    }

    @Query(() => WebhookEndpointConnection, { description: "The business's webhook endpoints, oldest first (staff)." })
    async webhookEndpoints(
      @Args(() => ConnectionArgs) page: ConnectionArgs,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<WebhookEndpointView>> {
      requireStaff(ctx.caller);
      return mapConnection(await listEndpoints(ctx.em, page), endpointView);
    }

    @Query(() => WebhookEndpointView, {
      nullable: true,
      description: "One endpoint of the business; null when there is none such (staff).",
    })
    async webhookEndpoint(@Arg("id", () => ID, { description: "Endpoint id." }) id: string, @Ctx() ctx: SubgraphContext) {
      requireStaff(ctx.caller);
      const endpoint = await findEndpoint(ctx.em, id);
      return endpoint ? endpointView(endpoint) : null;
    }

    @Query(() => WebhookDeliveryConnection, {
      description: "An endpoint's delivery log, newest first (staff); empty for an unknown endpoint.",
    })
    async webhookDeliveries(
      @Arg("endpointId", () => ID, { description: "The endpoint." }) endpointId: string,
      @Arg("status", () => WebhookDeliveryStatusEnum, { nullable: true, description: "Only deliveries in this state." })
      status: WebhookDeliveryStatusEnum | null,
      @Args(() => ConnectionArgs) page: ConnectionArgs,
      @Ctx() ctx: SubgraphContext,
    ): Promise<Connection<WebhookDeliveryView>> {
      requireStaff(ctx.caller);
      return mapConnection(await listDeliveries(ctx.em, endpointId, { ...page, status }), deliveryView);
    }

    @Query(() => WebhookDeliveryView, {
      nullable: true,
      description: "One delivery with its attempts; null when there is none such (staff).",
    })
    async webhookDelivery(@Arg("id", () => ID, { description: "Delivery id." }) id: string, @Ctx() ctx: SubgraphContext) {
      requireStaff(ctx.caller);
      const delivery = await findDelivery(ctx.em, id);
      return delivery ? deliveryView(delivery) : null;
    }

    @Mutation(() => CreateWebhookEndpointResult, {
      description: "Registers an endpoint; the answer holds its signing secret, shown once (owner or WRITE key).",
    })
    async createWebhookEndpoint(
      @Arg("input", () => WebhookEndpointInput, { description: "The endpoint." }) input: WebhookEndpointInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof CreateWebhookEndpointResult> {
      const businessId = requireWebhookManager(ctx.caller);
      const result = await createEndpoint(ctx.em, businessId, input, settings());
      return "secret" in result ? withSecret(result) : result;
    }

    @Mutation(() => WebhookEndpointResult, { description: "Changes an endpoint's URL, events and description (owner or WRITE key)." })
    async updateWebhookEndpoint(
      @Arg("id", () => ID, { description: "Endpoint id." }) id: string,
      @Arg("input", () => WebhookEndpointInput, { description: "The whole new settings." }) input: WebhookEndpointInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof WebhookEndpointResult> {
      requireWebhookManager(ctx.caller);
      const result = await updateEndpoint(ctx.em, id, input, settings());
      return "id" in result ? success(result) : result;
    }

    @Mutation(() => WebhookEndpointResult, {
      description: "Turns an endpoint on or off; turning it on forgets its past failures (owner or WRITE key).",
    })
    async setWebhookEndpointEnabled(
      @Arg("id", () => ID, { description: "Endpoint id." }) id: string,
      @Arg("enabled", () => Boolean, { description: "On or off." }) enabled: boolean,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof WebhookEndpointResult> {
      requireWebhookManager(ctx.caller);
      const result = await setEndpointEnabled(ctx.em, id, enabled);
      return result instanceof NotFoundError ? result : success(result);
    }

    @Mutation(() => RotateWebhookSecretResult, {
      description: "Replaces the signing secret at once (retries included); the new one is shown once (owner or WRITE key).",
    })
    async rotateWebhookEndpointSecret(
      @Arg("id", () => ID, { description: "Endpoint id." }) id: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof RotateWebhookSecretResult> {
      requireWebhookManager(ctx.caller);
      const result = await rotateEndpointSecret(ctx.em, id, settings());
      return result instanceof NotFoundError ? result : withSecret(result);
    }

    @Mutation(() => DeleteWebhookEndpointResult, { description: "Deletes an endpoint and its delivery log (owner or WRITE key)." })
    async deleteWebhookEndpoint(
      @Arg("id", () => ID, { description: "Endpoint id." }) id: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof DeleteWebhookEndpointResult> {
      requireWebhookManager(ctx.caller);
      const result = await deleteEndpoint(ctx.em, id);
      return result instanceof NotFoundError ? result : Object.assign(new DeleteWebhookEndpointSuccess(), { id: result });
    }

    @Mutation(() => RedeliverWebhookResult, {
      description: "Sends a finished delivery once more, now, with the same `webhook-id` (owner or WRITE key).",
    })
    async redeliverWebhook(
      @Arg("deliveryId", () => ID, { description: "The delivery." }) deliveryId: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof RedeliverWebhookResult> {
      requireWebhookManager(ctx.caller);
      const result = await redeliver(ctx.em, settings(), deliveryId);
      return "endpointId" in result ? Object.assign(new RedeliverWebhookSuccess(), { delivery: deliveryView(result) }) : result;
    }
  }

  @Resolver(() => WebhookDeliveryView)
  class WebhookDeliveryFieldsResolver {
    @FieldResolver(() => [WebhookAttemptView], { description: "Every attempt, oldest first." })
    async attemptLog(@Root() delivery: WebhookDeliveryView, @Ctx() ctx: SubgraphContext): Promise<WebhookAttemptView[]> {
      return attemptsOf(ctx.em, delivery.id);
    }
  }

  return [WebhookResolver, WebhookDeliveryFieldsResolver] as const;
}
