import { consume, type ConsumerOf, logOf, type SubgraphDeps } from "@portal/kit";
import { startWebhookAttemptWorker } from "./attempt.worker.js";
import { resealEndpointSecrets } from "./reseal.js";
import { queueDeliveries } from "./delivery.service.js";
import { WEBHOOK_EVENTS } from "./webhook-events.js";
import type { WebhookSettings } from "./webhook-settings.js";
import { startWebhookLogPruning } from "./log-retention.js";

/**
 * Webhooks' own consumer (queues `automation_webhooks__<event>`): each event is read apart from the
 * emails and workflows it may also cause, and turned into delivery rows and jobs; the producer's
 * change was committed long before any receiver is called.
 */
export const WEBHOOKS_CONSUMER: ConsumerOf = { schema: "automation", name: "automation_webhooks" };

export async function startWebhooks(deps: SubgraphDeps, settings: WebhookSettings): Promise<void> {
  for (const contract of WEBHOOK_EVENTS) {
    await consume(deps, WEBHOOKS_CONSUMER, contract, async (event, em) => {
      await queueDeliveries(em, settings, event);
    });
  }
  await startWebhookAttemptWorker(deps.orm, settings);
  startWebhookLogPruning(deps);
  // Not awaited: a rotation's resealing must not hold up the process's start.
  resealEndpointSecrets(deps.orm, settings.portalSecret).catch((error) =>
    logOf("webhooks").error({ err: error }, "endpoint secrets not sealed again with the current PORTAL_SECRET"),
  );
}
