import { randomUUID } from "node:crypto";
import {
  type DomainEvent,
  type EntityManager,
  findPage,
  jobDbFor,
  NotFoundError,
  type PageArgs,
  pageSize,
  toConnection,
} from "@portal/kit";
import { WebhookAttempt, WebhookDelivery, type WebhookDeliveryStatus, WebhookEndpoint } from "./webhook.entity.js";
import { WebhookDeliveryStateError } from "./webhook.errors.js";
import { webhookBody } from "./webhook-events.js";
import { WEBHOOK_ATTEMPT_QUEUE, type WebhookAttemptJob, type WebhookSettings } from "./webhook-settings.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Queues the attempt job on the caller's transaction, so a delivery row never exists without its job. */
export async function queueAttempt(em: EntityManager, settings: Pick<WebhookSettings, "boss">, job: WebhookAttemptJob, startAfter: Date) {
  await settings.boss.send(WEBHOOK_ATTEMPT_QUEUE, job as unknown as object, {
    db: jobDbFor(em),
    startAfter,
    retryLimit: 2,
    retryDelay: 30,
  });
}

/**
 * One delivery (and its first attempt's job) per enabled endpoint of the business that subscribed to
 * the event's type, written in the consumer's transaction. Nothing here waits on a receiver.
 */
export async function queueDeliveries(
  em: EntityManager,
  settings: Pick<WebhookSettings, "boss">,
  event: DomainEvent<unknown>,
): Promise<number> {
  if (!event.businessId) return 0;
  const endpoints = (await em.find(WebhookEndpoint, { enabled: true })).filter((endpoint) => endpoint.eventTypes.includes(event.type));
  const now = new Date();
  for (const endpoint of endpoints) {
    const delivery = em.create(WebhookDelivery, {
      id: randomUUID(),
      businessId: event.businessId,
      endpointId: endpoint.id,
      eventId: event.eventId,
      eventType: event.type,
      body: webhookBody(event.type, event.occurredAt, event.payload),
      status: "PENDING",
      nextAttemptAt: now,
    });
    await em.flush();
    await queueAttempt(em, settings, { businessId: event.businessId, deliveryId: delivery.id, attempt: 1, manual: false }, now);
  }
  return endpoints.length;
}

export function listDeliveries(em: EntityManager, endpointId: string, args: PageArgs & { status?: WebhookDeliveryStatus | null }) {
  if (!UUID.test(endpointId))
    return Promise.resolve(toConnection<WebhookDelivery>([], pageSize(args.first), 0, (row) => ({ sort: "", id: row.id }), false));
  return findPage(em, WebhookDelivery, { endpointId, ...(args.status ? { status: args.status } : {}) }, "createdAt", args, "desc");
}

export function findDelivery(em: EntityManager, id: string): Promise<WebhookDelivery | null> {
  return UUID.test(id) ? em.findOne(WebhookDelivery, { id }) : Promise.resolve(null);
}

export function attemptsOf(em: EntityManager, deliveryId: string): Promise<WebhookAttempt[]> {
  return em.find(WebhookAttempt, { deliveryId }, { orderBy: { number: "asc" } });
}

/**
 * Sends a finished delivery once more, now, with the same `webhook-id` (receivers de-duplicate on it)
 * and a fresh signature. One attempt: a manual one is not retried by the schedule.
 */
export async function redeliver(
  em: EntityManager,
  settings: Pick<WebhookSettings, "boss">,
  id: string,
): Promise<WebhookDelivery | NotFoundError | WebhookDeliveryStateError> {
  return em.transactional(async (tx) => {
    const delivery = await findDelivery(tx, id);
    if (!delivery) return NotFoundError.of("No such webhook delivery");
    const endpoint = await tx.findOne(WebhookEndpoint, { id: delivery.endpointId });
    if (!endpoint) return NotFoundError.of("No such webhook delivery");
    if (!endpoint.enabled) return WebhookDeliveryStateError.of("The endpoint is disabled: enable it before redelivering");
    if (delivery.status === "PENDING") return WebhookDeliveryStateError.of("This delivery is still being attempted");
    const now = new Date();
    Object.assign(delivery, { status: "PENDING", nextAttemptAt: now, finishedAt: null });
    await tx.flush();
    await queueAttempt(
      tx,
      settings,
      { businessId: delivery.businessId, deliveryId: delivery.id, attempt: delivery.attempts + 1, manual: true },
      now,
    );
    return delivery;
  });
}
