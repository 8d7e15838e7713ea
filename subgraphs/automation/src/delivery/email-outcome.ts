import { automation } from "@portal/contracts";
import { publish, type EntityManager } from "@portal/kit";
import { EmailStatus, type EmailLog } from "./email-log.entity.js";

type FinalStatus = EmailStatus.SENT | EmailStatus.SUPPRESSED | EmailStatus.FAILED;

/**
 * Ends a logged email with its final status. When the email carries a `reference`, its producer is
 * told through the outbox, on the same EntityManager, so the event is written in the transaction of
 * the status change (a row ends only once: the sender skips rows that are no longer QUEUED).
 */
export function finishEmail(
  em: EntityManager,
  log: EmailLog,
  status: FinalStatus,
  changes: { reason?: string | null; providerMessageId?: string | null; sentAt?: Date } = {},
): void {
  Object.assign(log, {
    status,
    reason: changes.reason ?? null,
    ...(changes.providerMessageId !== undefined ? { providerMessageId: changes.providerMessageId } : {}),
    ...(changes.sentAt ? { sentAt: changes.sentAt } : {}),
  });
  if (!log.reference) return;
  publish(em, automation.emailFinished, log.businessId, {
    reference: log.reference,
    template: log.template,
    recipientEmail: log.recipient,
    status,
    reason: log.reason,
  });
}
