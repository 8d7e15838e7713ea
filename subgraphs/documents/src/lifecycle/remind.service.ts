import type { Caller, EntityManager } from "@portal/kit";
import { actorOf } from "../documents/actor.js";
import { isOpen } from "../documents/document.entity.js";
import { DocumentStateError } from "../documents/document.errors.js";
import { withLockedDocument } from "../documents/document-store.js";
import { currentTurn } from "../signing/turns.js";
import { expireIfDue } from "./expiry.js";
import { sendReminders } from "./reminders.js";

/** Staff: "remind now" emails everyone whose turn it is. */
export function remindDocument(em: EntityManager, caller: Caller, id: string) {
  return withLockedDocument(em, id, async ({ document, recipients, tx }) => {
    const now = new Date();
    if (await expireIfDue(tx, document, recipients, now)) return DocumentStateError.of(document.status, "This document has expired");
    if (!isOpen(document))
      return DocumentStateError.of(
        document.status,
        document.status === "draft" ? "Send the document first" : "Nobody is waiting to sign this document",
      );
    const waiting = currentTurn(document, recipients);
    if (waiting.length === 0) return DocumentStateError.of(document.status, "Nobody is waiting to sign this document");
    await sendReminders(tx, document, recipients, waiting, await actorOf(tx, caller), now);
    return document;
  });
}
