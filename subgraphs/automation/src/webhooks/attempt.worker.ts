import { LockMode, type MikroORM } from "@mikro-orm/postgresql";
import { ensureQueue, forkFor, unseal, workQueue } from "@portal/kit";
import { randomUUID } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { queueAttempt } from "./delivery.service.js";
import { resealedOrNull } from "./reseal.js";
import { emailEndpointDisabled } from "./endpoint-disabled-email.js";
import { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from "./webhook.entity.js";
import { postWebhook, type PostOutcome } from "./webhook-http.js";
import {
  DISABLE_AFTER_FAILING_MS,
  RETRY_SCHEDULE_SECONDS,
  WEBHOOK_ATTEMPT_QUEUE,
  type WebhookAttemptJob,
  type WebhookSettings,
} from "./webhook-settings.js";

/** Works the attempt queue: one HTTP request per job, outside any transaction, then its outcome in one. */
export async function startWebhookAttemptWorker(orm: MikroORM, settings: WebhookSettings): Promise<void> {
  await ensureQueue(settings.boss, WEBHOOK_ATTEMPT_QUEUE, { retryLimit: 2, retryDelay: 30 });
  await workQueue<WebhookAttemptJob>(
    settings.boss,
    WEBHOOK_ATTEMPT_QUEUE,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: 1 },
    async ([job]) => attemptDelivery(orm, settings, job.data),
  );
}

/** The Standard Webhooks headers: the id stays the event's on every attempt and redelivery, the signature is fresh. */
export function signedHeaders(secret: string, eventId: string, body: string, at = new Date()): Record<string, string> {
  const id = `msg_${eventId.replace(/-/g, "")}`;
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, at, body),
  };
}

function describe(outcome: PostOutcome): string {
  if (outcome.error) return outcome.error;
  return `HTTP ${outcome.status}`;
}

export async function attemptDelivery(orm: MikroORM, settings: WebhookSettings, job: WebhookAttemptJob): Promise<void> {
  const em = forkFor(orm, job.businessId);
  const delivery = await em.findOne(WebhookDelivery, { id: job.deliveryId });
  // Gone with its endpoint, finished, or this attempt was already made (a job delivered twice).
  if (delivery?.status !== "PENDING" || delivery.attempts !== job.attempt - 1) return;
  const endpoint = await em.findOne(WebhookEndpoint, { id: delivery.endpointId });
  if (!endpoint) return;
  if (!endpoint.enabled) {
    Object.assign(delivery, {
      status: "FAILED",
      lastError: "Not sent: the endpoint is disabled",
      nextAttemptAt: null,
      finishedAt: new Date(),
    });
    await em.flush();
    return;
  }

  const rotated = resealedOrNull(settings.portalSecret, endpoint.sealedSecret);
  if (rotated) {
    endpoint.sealedSecret = rotated;
    await em.flush();
  }
  const startedAt = new Date();
  let outcome: PostOutcome;
  try {
    const headers = signedHeaders(unseal(settings.portalSecret, endpoint.sealedSecret), delivery.eventId, delivery.body, startedAt);
    outcome = await postWebhook(endpoint.url, headers, delivery.body, { production: settings.production, resolve: settings.resolve });
  } catch (error) {
    outcome = { status: null, body: null, error: `Not sent: ${(error as Error).message}`, durationMs: Date.now() - startedAt.getTime() };
  }
  const succeeded = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;

  await em.transactional(async (tx) => {
    const current = await tx.findOne(WebhookDelivery, { id: delivery.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const owner = await tx.findOne(WebhookEndpoint, { id: delivery.endpointId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!current || !owner) return; // deleted meanwhile
    tx.create(WebhookAttempt, {
      id: randomUUID(),
      businessId: current.businessId,
      deliveryId: current.id,
      number: job.attempt,
      manual: job.manual,
      startedAt,
      durationMs: outcome.durationMs,
      responseCode: outcome.status,
      responseBody: outcome.body,
      error: succeeded ? null : (outcome.error ?? `The receiver answered HTTP ${outcome.status}`),
      succeeded,
    });
    Object.assign(current, {
      attempts: job.attempt,
      lastAttemptAt: startedAt,
      lastResponseCode: outcome.status,
      lastError: succeeded ? null : describe(outcome),
    });
    if (succeeded) {
      Object.assign(current, { status: "SUCCEEDED", nextAttemptAt: null, finishedAt: new Date() });
      Object.assign(owner, { failingSince: null, consecutiveFailures: 0 });
      return;
    }
    owner.consecutiveFailures += 1;
    owner.failingSince ??= startedAt;
    const disable = owner.enabled && Date.now() - owner.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS;
    if (disable) {
      Object.assign(owner, {
        enabled: false,
        disabledAt: new Date(),
        disabledReason: `Every attempt failed since ${owner.failingSince.toISOString()} (${owner.consecutiveFailures} in a row; last: ${describe(outcome)})`,
        updatedAt: new Date(),
      });
    }
    const delay = job.manual ? undefined : RETRY_SCHEDULE_SECONDS[job.attempt];
    if (delay !== undefined && owner.enabled) {
      const dueAt = new Date(Date.now() + delay * 1000);
      current.nextAttemptAt = dueAt;
      await tx.flush();
      await queueAttempt(
        tx,
        settings,
        { businessId: current.businessId, deliveryId: current.id, attempt: job.attempt + 1, manual: false },
        dueAt,
      );
    } else {
      Object.assign(current, { status: "FAILED", nextAttemptAt: null, finishedAt: new Date() });
    }
    if (disable) {
      await tx.flush();
      await emailEndpointDisabled(tx, settings.email, owner);
    }
  });
}
