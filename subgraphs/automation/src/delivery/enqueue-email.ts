import type PgBoss from "pg-boss";
import { jobDbFor, seal, type EntityManager } from "@portal/kit";
import type { OutgoingEmail } from "../mail/mail-transport.js";
import type { EmailLog } from "./email-log.entity.js";
import { SEND_EMAIL_QUEUE, type RetryPolicy, type SendEmailJob } from "./send-queue.js";

export interface DeliverySettings {
  boss: PgBoss;
  portalSecret: string;
  /** Platform sending address, e.g. `Client Portal <portal@example.com>`; the name is replaced by the business's. */
  fromAddress: string;
  retry: RetryPolicy;
}

/**
 * Queues the send job for a logged email on the consumer's transaction: either the email is on its
 * way and logged, or neither happened. The message is sealed, since it may hold a one-time link.
 */
export async function enqueueEmail(em: EntityManager, settings: DeliverySettings, log: EmailLog, email: OutgoingEmail): Promise<void> {
  const job: SendEmailJob = {
    emailLogId: log.id,
    businessId: email.businessId,
    sealedEmail: seal(settings.portalSecret, JSON.stringify(email)),
  };
  await settings.boss.send(SEND_EMAIL_QUEUE, job as unknown as object, {
    db: jobDbFor(em),
    retryLimit: settings.retry.limit,
    retryDelay: settings.retry.delaySeconds,
    retryBackoff: true,
  });
}
