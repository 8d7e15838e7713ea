import { randomUUID } from "node:crypto";
import type { DeadLetter, EntityManager } from "@portal/kit";
import type { NotificationTemplateKey } from "../templates/template-key.js";
import { EmailLog, EmailStatus } from "./email-log.entity.js";
import { finishEmail } from "./email-outcome.js";

/** One email an event asked for, as far as the event tells (its recipient may not be known here). */
export interface UndeliveredEmail {
  recipient: string;
  template: NotificationTemplateKey;
  subject: string;
  reference?: string | null;
}

const MAX_REASON = 500;

/**
 * An event that asked for emails became a dead letter: each email it would have sent is logged
 * FAILED with the reason, so staff see in the email log what never went out (and a producer that
 * asked to hear back, via `reference`, hears of it). Should an operator's retry succeed later, the
 * emails are logged again as they are queued and sent.
 */
export function recordUndeliveredEmails(em: EntityManager, letter: DeadLetter, emails: UndeliveredEmail[]): void {
  const why = letter.error.length > MAX_REASON ? `${letter.error.slice(0, MAX_REASON - 1)}…` : letter.error;
  const reason = `Not sent: its ${letter.eventType} event could not be handled after ${letter.attempts} attempt(s) (${why}). A platform operator can retry it.`;
  for (const email of emails) {
    const log = em.create(EmailLog, {
      id: randomUUID(),
      businessId: letter.businessId,
      eventId: letter.eventId,
      reference: email.reference ?? null,
      recipient: email.recipient,
      template: email.template,
      subject: email.subject,
      status: EmailStatus.QUEUED,
    });
    finishEmail(em, log, EmailStatus.FAILED, { reason });
  }
}

/** When the event itself could not be read: one entry saying so, for the template it was meant for. */
export const unreadableEvent = (template: NotificationTemplateKey): UndeliveredEmail => ({
  recipient: "(unknown: the event could not be read)",
  template,
  subject: "",
});
