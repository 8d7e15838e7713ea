import { documents, type PayloadInputOf } from "@portal/contracts";
import { KnownStaff, publish, type EntityManager } from "@portal/kit";
import type { Document } from "../documents/document.entity.js";
import type { Recipient } from "../documents/recipient.entity.js";
import { emailRecipientOf, linkFor, loadAudience, staffRecipient, type Audience } from "./audience.js";

/* The events documents publishes; their names and payloads are declared in @portal/contracts (documents). */

type CompletedParty = PayloadInputOf<typeof documents.documentCompleted>["parties"][number];

/** Automation stores it on its email log and hands it back in `automation.email.finished`. */
export const referenceOf = (document: Pick<Document, "id">) => `document:${document.id}`;

const partyIds = (recipient: Recipient) => ({ recipientId: recipient.id, contactId: recipient.contactId, staffId: recipient.staffId });

/** Who sent it, as named in the signature request: the staff member, else the business. */
function senderName(document: Document, audience: Audience): string {
  const staff = document.sentByStaffId ? audience.staff.get(document.sentByStaffId) : undefined;
  return staff?.name ?? (audience.businessName || "Your contact");
}

export function recordDocumentSent(em: EntityManager, document: Document, recipients: Recipient[], inviteToPortal: boolean): void {
  const contactIds = recipients.flatMap((r) => (r.contactId ? [r.contactId] : []));
  publish(em, documents.documentSent, document.businessId, {
    documentId: document.id,
    title: document.title,
    contactIds,
    inviteToPortal,
    reference: referenceOf(document),
  });
}

/** One `documents.signature.requested` per recipient: their turn began, or a reminder. */
export async function recordSignatureRequests(
  em: EntityManager,
  document: Document,
  recipients: Recipient[],
  reminder: boolean,
): Promise<void> {
  if (recipients.length === 0) return;
  const audience = await loadAudience(em, document, recipients, document.sentByStaffId ? [document.sentByStaffId] : []);
  for (const recipient of recipients) {
    publish(em, documents.signatureRequested, document.businessId, {
      documentId: document.id,
      title: document.title,
      message: document.message,
      senderName: senderName(document, audience),
      reminder,
      ...partyIds(recipient),
      recipient: emailRecipientOf(recipient, audience),
      link: linkFor(recipient.kind, audience, document.id),
      reference: referenceOf(document),
    });
  }
}

/** Every recipient (copies included) and the sender receive the sealed PDF. */
export async function recordDocumentCompleted(em: EntityManager, document: Document, recipients: Recipient[]): Promise<void> {
  if (!document.finalSha256) throw new Error(`Document ${document.id} is completed without the sealed PDF's hash`);
  const finalSha256 = document.finalSha256;
  const audience = await loadAudience(em, document, recipients, document.sentByStaffId ? [document.sentByStaffId] : []);
  const parties: CompletedParty[] = recipients.map((recipient) => ({
    ...partyIds(recipient),
    recipient: emailRecipientOf(recipient, audience),
    link: linkFor(recipient.kind, audience, document.id),
  }));
  const sender = document.sentByStaffId ? audience.staff.get(document.sentByStaffId) : undefined;
  if (sender && !sender.removed && !recipients.some((r) => r.staffId === sender.staffId)) {
    parties.push({
      recipientId: null,
      contactId: null,
      staffId: sender.staffId,
      recipient: staffRecipient(sender),
      link: linkFor("staff", audience, document.id),
    });
  }
  publish(em, documents.documentCompleted, document.businessId, {
    documentId: document.id,
    title: document.title,
    finalSha256,
    parties,
    reference: referenceOf(document),
  });
}

/** The sender hears of a decline; when there is none (sent with an API key, or since removed), the owners. */
export async function recordDocumentDeclined(
  em: EntityManager,
  document: Document,
  recipients: Recipient[],
  decliner: Recipient,
  reason: string,
): Promise<void> {
  const audience = await loadAudience(em, document, recipients);
  const sender = document.sentByStaffId ? await em.findOne(KnownStaff, { staffId: document.sentByStaffId, removed: false }) : null;
  const staff = sender ? [sender] : await em.find(KnownStaff, { role: "OWNER", removed: false }, { orderBy: { name: "asc" } });
  const declinedBy = emailRecipientOf(decliner, audience);
  publish(em, documents.documentDeclined, document.businessId, {
    documentId: document.id,
    title: document.title,
    declinedBy: { name: declinedBy.name, email: declinedBy.email },
    reason,
    notify: staff.map((member) => ({
      staffId: member.staffId,
      recipient: staffRecipient(member),
      link: linkFor("staff", audience, document.id),
    })),
    reference: referenceOf(document),
  });
}
