import { KnownBusiness, KnownContact, KnownStaff, ValidationError, type Caller, type EntityManager } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { actorOf } from "../documents/actor.js";
import { draftOnly } from "../documents/document.service.js";
import { DocumentStateError } from "../documents/document.errors.js";
import { fieldsOf, withLockedDocument } from "../documents/document-store.js";
import type { Document } from "../documents/document.entity.js";
import type { DocumentFieldRow } from "../documents/field.entity.js";
import { acts, type Recipient } from "../documents/recipient.entity.js";
import { recordDocumentSent } from "../events/document-events.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { startTurns } from "./turn-requests.js";

/** What a draft needs before it can go out, naming the input to fix. */
export function sendProblem(document: Document, recipients: Recipient[], fields: DocumentFieldRow[], now: Date): ValidationError | null {
  if (!document.originalSha256) return ValidationError.of("file", "Upload the PDF to sign");
  if (!recipients.some(acts)) return ValidationError.of("recipients", "Add at least one signer or approver");
  for (const recipient of recipients) {
    if (recipient.role === "signer" && !fields.some((field) => field.recipientId === recipient.id && field.kind === "signature")) {
      return ValidationError.of(`recipients.${recipient.position}`, `Place a signature field for ${recipient.name}`);
    }
  }
  if (document.expiresAt && document.expiresAt <= now) return ValidationError.of("expiresAt", "The expiry has passed; choose a later one");
  return null;
}

/** Names and addresses as they are now, so the sent document shows whom it really went to. */
async function refreshParties(tx: EntityManager, recipients: Recipient[]): Promise<void> {
  const contacts = await tx.find(KnownContact, { contactId: { $in: recipients.flatMap((r) => (r.contactId ? [r.contactId] : [])) } });
  const staff = await tx.find(KnownStaff, { staffId: { $in: recipients.flatMap((r) => (r.staffId ? [r.staffId] : [])) } });
  for (const recipient of recipients) {
    const person = recipient.contactId
      ? contacts.find((p) => p.contactId === recipient.contactId)
      : staff.find((p) => p.staffId === recipient.staffId);
    if (person) Object.assign(recipient, { name: person.name, email: person.email });
  }
}

/**
 * Draft → SENT: recorded in the audit trail, `documents.document.sent` (identity invites contacts
 * without access when asked) and a signature request for everyone whose turn begins.
 */
export function sendDocument(em: EntityManager, caller: Caller, id: string, inviteToPortal: boolean) {
  return withLockedDocument(em, id, async ({ document, recipients, tx }) => {
    const refused = draftOnly(document, "you can send");
    if (refused) return refused;
    const now = new Date();
    const problem = sendProblem(document, recipients, await fieldsOf(tx, document.id), now);
    if (problem) return problem;
    const business = await tx.findOne(KnownBusiness, { businessId: document.businessId });
    // Links must come from the business's configured address (identity's snapshot), never from the request.
    const portalUrl = business?.portalUrl;
    if (!portalUrl)
      return DocumentStateError.of(document.status, "The portal address of this business is not known yet; try again in a moment");
    await refreshParties(tx, recipients);
    Object.assign(document, {
      status: "sent",
      sentAt: now,
      updatedAt: now,
      portalUrl,
      sentByStaffId: caller.actor.kind === "staff" ? caller.actor.id : null,
    });
    appendAudit(tx, document, "SENT", await actorOf(tx, caller), {
      at: now,
      details: { recipients: recipients.length, signingOrder: document.signingOrder, inviteToPortal },
    });
    recordDocumentSent(tx, document, recipients, inviteToPortal);
    await startTurns(tx, document, recipients, now);
    await announceDocumentChanged(tx, document, recipients, "SENT");
    return document;
  });
}
