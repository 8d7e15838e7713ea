import { documents } from "@portal/contracts";
import { consume, type SubgraphDeps } from "@portal/kit";
import { recordUndeliveredEmails, unreadableEvent } from "../delivery/undelivered-email.js";
import {
  requestCompletedEmails,
  requestDeclinedEmails,
  requestSignatureEmail,
  type DocumentEmailSettings,
} from "../documents/document-email.service.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { AUTOMATION_CONSUMER } from "./consumer.js";

const { SIGNATURE_REQUEST, SIGNATURE_REMINDER, DOCUMENT_COMPLETED, DOCUMENT_DECLINED } = NotificationTemplateKey;

/**
 * Document emails. A handler that throws (the business isn't known here yet, the signed PDF could not
 * be fetched) rolls back and pg-boss retries with backoff; an event that never succeeds is logged
 * FAILED for each of its recipients (and documents hears so through the email's reference).
 */
export async function consumeDocumentsEvents(deps: SubgraphDeps, settings: DocumentEmailSettings): Promise<void> {
  await consume(deps, AUTOMATION_CONSUMER, documents.signatureRequested, (event, em) => requestSignatureEmail(em, settings, event), {
    async onDeadLetter(event, letter, em) {
      if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(SIGNATURE_REQUEST)]);
      const { recipient, title, reference, reminder } = event.payload;
      const template = reminder ? SIGNATURE_REMINDER : SIGNATURE_REQUEST;
      recordUndeliveredEmails(em, letter, [{ recipient: recipient.email, template, subject: title, reference }]);
    },
  });
  await consume(deps, AUTOMATION_CONSUMER, documents.documentCompleted, (event, em) => requestCompletedEmails(em, settings, event), {
    async onDeadLetter(event, letter, em) {
      if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(DOCUMENT_COMPLETED)]);
      const { parties, title, reference } = event.payload;
      const addresses = [...new Set(parties.map((party) => party.recipient.email))];
      recordUndeliveredEmails(
        em,
        letter,
        addresses.map((recipient) => ({ recipient, template: DOCUMENT_COMPLETED, subject: title, reference })),
      );
    },
  });
  await consume(deps, AUTOMATION_CONSUMER, documents.documentDeclined, (event, em) => requestDeclinedEmails(em, settings, event), {
    async onDeadLetter(event, letter, em) {
      if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(DOCUMENT_DECLINED)]);
      const { notify, title, reference } = event.payload;
      recordUndeliveredEmails(
        em,
        letter,
        notify.map((staff) => ({ recipient: staff.recipient.email, template: DOCUMENT_DECLINED, subject: title, reference })),
      );
    },
  });
}
