import { ValidationError, type Caller, type EntityManager } from "@portal/kit";
import { appendAudit } from "../audit/audit.service.js";
import { actorOf } from "../documents/actor.js";
import { isOpen } from "../documents/document.entity.js";
import { DocumentStateError } from "../documents/document.errors.js";
import { withLockedDocument } from "../documents/document-store.js";
import { announceDocumentChanged } from "../live/document-live.js";

/** Staff stop a sent document that is not finished; nobody can act on it afterwards. */
export function voidDocument(em: EntityManager, caller: Caller, id: string, reason: string) {
  const text = reason.trim();
  if (!text) return Promise.resolve(ValidationError.of("reason", "Say why the document is voided"));
  if (text.length > 1000) return Promise.resolve(ValidationError.of("reason", "At most 1000 characters"));
  return withLockedDocument(em, id, async ({ document, recipients, tx }) => {
    if (document.status === "draft") return DocumentStateError.of(document.status, "A draft is not sent yet; delete it instead");
    if (!isOpen(document)) return DocumentStateError.of(document.status, `This document is already ${document.status.replace("_", " ")}`);
    const now = new Date();
    Object.assign(document, { status: "voided", voidedAt: now, voidReason: text, updatedAt: now });
    appendAudit(tx, document, "VOIDED", await actorOf(tx, caller), { at: now, details: { reason: text } });
    await announceDocumentChanged(tx, document, recipients, "VOIDED");
    return document;
  });
}
