import { randomUUID } from "node:crypto";
import type { documents, PayloadOf, Recipient } from "@portal/contracts";
import { KnownBusiness, type DomainEvent, type EntityManager } from "@portal/kit";
import { brandingOf, type EmailBranding } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { finishEmail } from "../delivery/email-outcome.js";
import { enqueueEmail, type DeliverySettings } from "../delivery/enqueue-email.js";
import { NotYetKnownError } from "../invoices/invoice-email.service.js";
import { fromHeader, type EmailAttachment } from "../mail/mail-transport.js";
import { renderEmail, type TemplateValues } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";
import type { SignedPdfProvider } from "./signed-pdf.js";

type SignatureRequested = PayloadOf<typeof documents.signatureRequested>;
type DocumentCompleted = PayloadOf<typeof documents.documentCompleted>;
type DocumentDeclined = PayloadOf<typeof documents.documentDeclined>;

export interface DocumentEmailSettings extends DeliverySettings {
  signedPdf: SignedPdfProvider;
}

/** One email about a document, to one person (a contact, or staff: `contact.*` is then the staff member). */
interface DocumentEmail {
  key: NotificationTemplateKey;
  recipient: Recipient;
  link: string;
  values: Omit<TemplateValues, "contact" | "link">;
}

/** `documents.signature.requested` → SIGNATURE_REQUEST, or SIGNATURE_REMINDER for a reminder. */
export async function requestSignatureEmail(
  em: EntityManager,
  settings: DocumentEmailSettings,
  event: DomainEvent<SignatureRequested>,
): Promise<void> {
  const request = event.payload;
  const key = request.reminder ? NotificationTemplateKey.SIGNATURE_REMINDER : NotificationTemplateKey.SIGNATURE_REQUEST;
  await sendDocumentEmails(em, settings, event, request.documentId, [
    {
      key,
      recipient: request.recipient,
      link: request.link,
      values: { document: { title: request.title, message: request.message ?? "" }, sender: { name: request.senderName } },
    },
  ]);
}

/**
 * `documents.document.completed` → DOCUMENT_COMPLETED to every party, each with the sealed PDF,
 * fetched once for the event (and not at all when every party has Do Not Disturb on).
 */
export async function requestCompletedEmails(
  em: EntityManager,
  settings: DocumentEmailSettings,
  event: DomainEvent<DocumentCompleted>,
): Promise<void> {
  const completed = event.payload;
  const seen = new Set<string>();
  const parties = completed.parties.filter((party) => {
    const address = party.recipient.email.trim().toLowerCase();
    if (seen.has(address)) return false; // e.g. the sender also signed: one copy each
    seen.add(address);
    return true;
  });
  const emails = parties.map(
    (party): DocumentEmail => ({
      key: NotificationTemplateKey.DOCUMENT_COMPLETED,
      recipient: party.recipient,
      link: party.link,
      values: { document: { title: completed.title } },
    }),
  );
  await sendDocumentEmails(em, settings, event, completed.documentId, emails, (businessId) =>
    settings.signedPdf({ businessId, documentId: completed.documentId, title: completed.title }),
  );
}

/** `documents.document.declined` → DOCUMENT_DECLINED to each staff member to notify. */
export async function requestDeclinedEmails(
  em: EntityManager,
  settings: DocumentEmailSettings,
  event: DomainEvent<DocumentDeclined>,
): Promise<void> {
  const declined = event.payload;
  const emails = declined.notify.map(
    (staff): DocumentEmail => ({
      key: NotificationTemplateKey.DOCUMENT_DECLINED,
      recipient: staff.recipient,
      link: staff.link,
      values: { document: { title: declined.title }, decliner: { name: declined.declinedBy.name }, decline: { reason: declined.reason } },
    }),
  );
  await sendDocumentEmails(em, settings, event, declined.documentId, emails);
}

/**
 * Logs and queues each email in the consumer's transaction. Every row carries the event's
 * `reference`, so documents hears how each one ended (`automation.email.finished`); a DND recipient's
 * email ends SUPPRESSED at once. The business's branding must have arrived: otherwise the event is
 * retried later, like invoice emails.
 */
async function sendDocumentEmails(
  em: EntityManager,
  settings: DocumentEmailSettings,
  event: DomainEvent<{ documentId: string; reference?: string }>,
  documentId: string,
  emails: DocumentEmail[],
  attachment?: (businessId: string) => Promise<EmailAttachment | null>,
): Promise<void> {
  const businessId = event.businessId;
  if (!businessId) throw new Error(`${event.type} ${event.eventId} names no business`);
  const business = await em.findOne(KnownBusiness, { businessId });
  if (!business) throw new NotYetKnownError(`Business ${businessId} is not known here yet; retrying ${event.type} later`);
  const branding = brandingOf(business);
  const reference = event.payload.reference || `document:${documentId}`;
  const file = attachment && emails.some((email) => !email.recipient.dnd) ? await attachment(businessId) : null;

  for (const email of emails) {
    const rendered = await render(em, businessId, branding, email);
    const log = em.create(EmailLog, {
      id: randomUUID(),
      businessId,
      eventId: event.eventId,
      reference,
      recipient: email.recipient.email,
      template: email.key,
      subject: rendered.subject,
      status: EmailStatus.QUEUED,
    });
    if (email.recipient.dnd) {
      finishEmail(em, log, EmailStatus.SUPPRESSED, { reason: "The contact has Do Not Disturb on" });
      continue;
    }
    await enqueueEmail(em, settings, log, {
      businessId,
      from: fromHeader(branding.name, settings.fromAddress),
      to: email.recipient.email,
      template: email.key,
      ...rendered,
      ...(file ? { attachments: [file] } : {}),
    });
  }
}

async function render(em: EntityManager, businessId: string, branding: EmailBranding, email: DocumentEmail) {
  const template = await usableTemplateFor(em, businessId, email.key);
  const { name, firstName } = email.recipient;
  return renderEmail(email.key, template, { contact: { name, firstName: firstName || name }, link: email.link, ...email.values }, branding);
}
