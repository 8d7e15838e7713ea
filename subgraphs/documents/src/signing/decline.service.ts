import { NotFoundError, ValidationError, type Caller, type EntityManager } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { actorOf } from "../documents/actor.js";
import { DocumentStateError } from "../documents/document.errors.js";
import { withLockedDocument } from "../documents/document-store.js";
import { recordDocumentDeclined } from "../events/document-events.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { actingRecipient } from "./recipient-turn.js";

/** A signer or approver declines on their turn: the document stops, and staff hear why. */
export function declineDocument(em: EntityManager, caller: Caller, input: { documentId: string; reason: string }) {
  const reason = input.reason.trim();
  if (!reason) return Promise.resolve(ValidationError.of("reason", "Say why you decline"));
  if (reason.length > 1000) return Promise.resolve(ValidationError.of("reason", "At most 1000 characters"));
  return withLockedDocument(em, input.documentId, async ({ document, recipients, tx }) => {
    const now = new Date();
    const recipient = await actingRecipient(tx, caller, document, recipients, now);
    if (recipient instanceof NotFoundError || recipient instanceof DocumentStateError) return recipient;
    Object.assign(recipient, { status: "declined", declinedAt: now, declineReason: reason });
    Object.assign(document, { status: "declined", declinedAt: now, updatedAt: now });
    appendAudit(tx, document, "DECLINED", await actorOf(tx, caller, recipient), {
      recipientId: recipient.id,
      at: now,
      details: { reason },
    });
    await recordDocumentDeclined(tx, document, recipients, recipient, reason);
    await announceDocumentChanged(tx, document, recipients, "DECLINED", recipient.id);
    return document;
  });
}
