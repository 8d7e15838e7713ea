import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** An integrator's receiver: where the business's chosen events are POSTed, signed with its secret. */
@Entity({ tableName: "webhook_endpoint" })
@TenantScoped()
@Index({ properties: ["businessId", "createdAt"] })
export class WebhookEndpoint {
  [OptionalProps]?: "enabled" | "disabledAt" | "disabledReason" | "failingSince" | "consecutiveFailures" | "createdAt" | "updatedAt";
  @PrimaryKey({ type: "uuid" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  url!: string;
  @Property({ type: "text" })
  description!: string;
  /** Contract names (`billing.invoice.paid`…) this endpoint receives. */
  @Property({ type: "jsonb" })
  eventTypes!: string[];
  /** `whsec_…` sealed with PORTAL_SECRET: needed in clear to sign, so it is never stored readable. */
  @Property({ type: "text" })
  sealedSecret!: string;
  @Property({ type: "boolean" })
  enabled: boolean = true;
  @Property({ type: "datetime", nullable: true })
  disabledAt: Date | null = null;
  /** Why it was turned off: null when staff turned it off. */
  @Property({ type: "text", nullable: true })
  disabledReason: string | null = null;
  /** Start of the current run of failed attempts (null after a success): a day of failures disables it. */
  @Property({ type: "datetime", nullable: true })
  failingSince: Date | null = null;
  @Property({ type: "integer" })
  consecutiveFailures: number = 0;
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
  @Property({ type: "datetime" })
  updatedAt: Date = new Date();
}

export type WebhookDeliveryStatus = "PENDING" | "SUCCEEDED" | "FAILED";

/** One event for one endpoint: the exact body signed on every attempt, and where it stands. */
@Entity({ tableName: "webhook_delivery" })
@TenantScoped()
@Unique({ properties: ["endpointId", "eventId"] })
@Index({ properties: ["endpointId", "createdAt"] })
export class WebhookDelivery {
  [OptionalProps]?: "attempts" | "lastResponseCode" | "lastError" | "lastAttemptAt" | "nextAttemptAt" | "finishedAt" | "createdAt";
  @PrimaryKey({ type: "uuid" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  endpointId!: string;
  @Property({ type: "uuid" })
  eventId!: string;
  @Property({ type: "text" })
  eventType!: string;
  /** The JSON body, `{ type, timestamp, data }`, kept as sent so every attempt signs the same bytes. */
  @Property({ type: "text" })
  body!: string;
  @Property({ type: "text" })
  status!: WebhookDeliveryStatus;
  @Property({ type: "integer" })
  attempts: number = 0;
  @Property({ type: "integer", nullable: true })
  lastResponseCode: number | null = null;
  @Property({ type: "text", nullable: true })
  lastError: string | null = null;
  @Property({ type: "datetime", nullable: true })
  lastAttemptAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  nextAttemptAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  finishedAt: Date | null = null;
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}

/** One HTTP request of a delivery, as the receiver answered it. */
@Entity({ tableName: "webhook_attempt" })
@TenantScoped()
@Index({ properties: ["deliveryId", "number"] })
export class WebhookAttempt {
  [OptionalProps]?: "responseCode" | "responseBody" | "error";
  @PrimaryKey({ type: "uuid" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  deliveryId!: string;
  @Property({ type: "integer" })
  number!: number;
  /** Staff asked for it (redeliver) rather than the retry schedule. */
  @Property({ type: "boolean" })
  manual!: boolean;
  @Property({ type: "datetime" })
  startedAt!: Date;
  @Property({ type: "integer" })
  durationMs!: number;
  @Property({ type: "integer", nullable: true })
  responseCode: number | null = null;
  /** The first few kB of the answer, for staff debugging their receiver. */
  @Property({ type: "text", nullable: true })
  responseBody: string | null = null;
  @Property({ type: "text", nullable: true })
  error: string | null = null;
  @Property({ type: "boolean" })
  succeeded!: boolean;
}

export const WEBHOOK_ENTITIES = [WebhookEndpoint, WebhookDelivery, WebhookAttempt];
