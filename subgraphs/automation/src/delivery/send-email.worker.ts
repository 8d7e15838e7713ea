import type { MikroORM } from "@mikro-orm/postgresql";
import type PgBoss from "pg-boss";
import { countEmailFailure, ensureQueue, forkFor, unseal, workQueue } from "@portal/kit";
import { MailDeliveryError, type MailTransport, type OutgoingEmail } from "../mail/mail-transport.js";
import { EmailLog, EmailStatus } from "./email-log.entity.js";
import { finishEmail } from "./email-outcome.js";
import { SEND_EMAIL_QUEUE, type RetryPolicy, type SendEmailJob } from "./send-queue.js";

export interface SendWorkerSettings {
  orm: MikroORM;
  boss: PgBoss;
  transport: MailTransport;
  portalSecret: string;
  retry: RetryPolicy;
  pollingIntervalSeconds?: number;
}

/**
 * Delivers queued emails. A temporary failure is thrown so pg-boss retries with backoff; a
 * permanent one, or the last temporary one, is written to the log as FAILED, so no email
 * disappears without a trace.
 */
export async function startSendEmailWorker(settings: SendWorkerSettings): Promise<void> {
  const { boss, retry } = settings;
  await ensureQueue(boss, SEND_EMAIL_QUEUE, { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: true });
  await workQueue<SendEmailJob>(
    boss,
    SEND_EMAIL_QUEUE,
    { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: settings.pollingIntervalSeconds ?? 0.5 },
    async ([job]) => deliver(settings, job.data, job.retryCount >= job.retryLimit),
  );
}

async function deliver(settings: SendWorkerSettings, job: SendEmailJob, lastAttempt: boolean): Promise<void> {
  const em = forkFor(settings.orm, job.businessId);
  // The job names its log row by id; operator emails have no business, so the tenant filter can't apply.
  const log = await em.findOne(EmailLog, { id: job.emailLogId }, { filters: { tenant: false } });
  if (!log || log.status !== EmailStatus.QUEUED) return; // already settled: a redelivered job
  log.attempts += 1;
  await em.flush();

  let email: OutgoingEmail;
  try {
    email = JSON.parse(unseal(settings.portalSecret, job.sealedEmail)) as OutgoingEmail;
  } catch {
    countEmailFailure("final");
    finishEmail(em, log, EmailStatus.FAILED, { reason: "The queued message could not be opened (sealed with a different PORTAL_SECRET)" });
    await em.flush();
    return;
  }

  try {
    const { providerMessageId } = await settings.transport.send(email);
    finishEmail(em, log, EmailStatus.SENT, { providerMessageId, sentAt: new Date() });
    await em.flush();
  } catch (error) {
    const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(String((error as Error)?.message ?? error), true);
    if (failure.temporary && !lastAttempt) {
      countEmailFailure("temporary");
      log.reason = `${failure.message} (will retry)`;
      await em.flush();
      throw failure;
    }
    countEmailFailure("final");
    const reason = failure.temporary ? `Gave up after ${log.attempts} attempts: ${failure.message}` : failure.message;
    finishEmail(em, log, EmailStatus.FAILED, { reason });
    await em.flush();
  }
}
