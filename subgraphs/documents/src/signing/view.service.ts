import { NotFoundError, type Caller, type EntityManager } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { actorOf } from "../documents/actor.js";
import { withLockedDocument } from "../documents/document-store.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { ownRecipient } from "./recipient-turn.js";

/** A recipient opened the sent document: VIEWED the first time only. */
export function viewDocument(em: EntityManager, caller: Caller, id: string) {
  return withLockedDocument(em, id, async ({ document, recipients, tx }) => {
    const recipient = ownRecipient(caller, document, recipients);
    if (!recipient) return NotFoundError.of("No such document");
    if (recipient.viewedAt) return document;
    const now = new Date();
    recipient.viewedAt = now;
    appendAudit(tx, document, "VIEWED", await actorOf(tx, caller, recipient), { recipientId: recipient.id, at: now });
    await announceDocumentChanged(tx, document, recipients, "VIEWED", recipient.id);
    return document;
  });
}
