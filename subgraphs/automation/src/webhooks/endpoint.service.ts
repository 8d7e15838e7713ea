import { randomUUID } from "node:crypto";
import { type EntityManager, findPage, NotFoundError, type PageArgs, seal, ValidationError } from "@portal/kit";
import { endpointUrlProblem } from "./ssrf-guard.js";
import { WebhookEndpoint } from "./webhook.entity.js";
import { WEBHOOK_EVENT_NAMES } from "./webhook-events.js";
import { newWebhookSecret } from "./webhook-secret.js";
import type { WebhookSettings } from "./webhook-settings.js";

export interface EndpointFields {
  url: string;
  eventTypes: string[];
  description?: string | null;
}

/** An endpoint and its signing secret, in clear only in this answer. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The business's endpoints, oldest first. Tenant-scoped `em`. */
export function listEndpoints(em: EntityManager, args: PageArgs) {
  return findPage(em, WebhookEndpoint, {}, "createdAt", args);
}

export function findEndpoint(em: EntityManager, id: string): Promise<WebhookEndpoint | null> {
  return UUID.test(id) ? em.findOne(WebhookEndpoint, { id }) : Promise.resolve(null);
}

async function validate(input: EndpointFields, settings: Pick<WebhookSettings, "production" | "resolve">) {
  const url = input.url.trim();
  const urlProblem = await endpointUrlProblem(url, settings.production, settings.resolve);
  if (urlProblem) return ValidationError.of("url", urlProblem);
  if (input.eventTypes.length === 0) return ValidationError.of("eventTypes", "Choose at least one event");
  for (const [index, type] of input.eventTypes.entries()) {
    if (!WEBHOOK_EVENT_NAMES.has(type)) return ValidationError.of(`eventTypes.${index}`, `Unknown event type "${type}"`);
  }
  const description = (input.description ?? "").trim();
  if (description.length > 500) return ValidationError.of("description", "The description may be at most 500 characters");
  return { url, eventTypes: [...new Set(input.eventTypes)].sort(), description };
}

export async function createEndpoint(
  em: EntityManager,
  businessId: string,
  input: EndpointFields,
  settings: WebhookSettings,
): Promise<EndpointWithSecret | ValidationError> {
  const cleaned = await validate(input, settings);
  if (cleaned instanceof ValidationError) return cleaned;
  const secret = newWebhookSecret();
  const endpoint = em.create(WebhookEndpoint, {
    id: randomUUID(),
    businessId,
    ...cleaned,
    sealedSecret: seal(settings.portalSecret, secret),
  });
  await em.flush();
  return { endpoint, secret };
}

export async function updateEndpoint(
  em: EntityManager,
  id: string,
  input: EndpointFields,
  settings: WebhookSettings,
): Promise<WebhookEndpoint | ValidationError | NotFoundError> {
  const endpoint = await findEndpoint(em, id);
  if (!endpoint) return NotFoundError.of("No such webhook endpoint");
  const cleaned = await validate(input, settings);
  if (cleaned instanceof ValidationError) return cleaned;
  Object.assign(endpoint, cleaned, { updatedAt: new Date() });
  await em.flush();
  return endpoint;
}

/** Turning an endpoint back on forgets its failures, so it gets a whole new day before being disabled again. */
export async function setEndpointEnabled(em: EntityManager, id: string, enabled: boolean): Promise<WebhookEndpoint | NotFoundError> {
  const endpoint = await findEndpoint(em, id);
  if (!endpoint) return NotFoundError.of("No such webhook endpoint");
  if (endpoint.enabled !== enabled) {
    Object.assign(endpoint, {
      enabled,
      disabledAt: enabled ? null : new Date(),
      disabledReason: null,
      failingSince: null,
      consecutiveFailures: 0,
      updatedAt: new Date(),
    });
    await em.flush();
  }
  return endpoint;
}

/** A new secret replaces the old at once: deliveries from now on (retries included) are signed with it. */
export async function rotateEndpointSecret(
  em: EntityManager,
  id: string,
  settings: Pick<WebhookSettings, "portalSecret">,
): Promise<EndpointWithSecret | NotFoundError> {
  const endpoint = await findEndpoint(em, id);
  if (!endpoint) return NotFoundError.of("No such webhook endpoint");
  const secret = newWebhookSecret();
  endpoint.sealedSecret = seal(settings.portalSecret, secret);
  endpoint.updatedAt = new Date();
  await em.flush();
  return { endpoint, secret };
}

/** Deletes the endpoint with its delivery log; attempts still queued find nothing and end. */
export async function deleteEndpoint(em: EntityManager, id: string): Promise<string | NotFoundError> {
  const endpoint = await findEndpoint(em, id);
  if (!endpoint) return NotFoundError.of("No such webhook endpoint");
  await em.remove(endpoint).flush();
  return id;
}
