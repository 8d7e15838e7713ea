import { NotFoundError, type Caller, type EntityManager } from "@portal/kit";
import type { Document } from "../documents/document.entity.js";
import { DocumentStateError } from "../documents/document.errors.js";
import type { Recipient } from "../documents/recipient.entity.js";
import { expireIfDue } from "../lifecycle/expiry.js";
import { isParty, partyOf } from "../shared/access.js";
import { currentTurn } from "./turns.js";

const ENDED: Partial<Record<Document["status"], string>> = {
  completed: "This document is already completed",
  declined: "This document was declined",
  voided: "This document was voided",
  expired: "This document has expired",
};

/** The caller's own recipient on a sent document, or null (the document stays invisible to others). */
export function ownRecipient(caller: Caller, document: Document, recipients: Recipient[]): Recipient | null {
  if (document.status === "draft") return null;
  const party = partyOf(caller);
  return recipients.find((recipient) => isParty(recipient, party)) ?? null;
}

/**
 * The recipient who may act now, or why not: not a recipient (NotFound), the document ended,
 * a copy-only recipient, already acted, or not their turn yet (DocumentStateError). An expired
 * document is marked EXPIRED here, before the sweep gets to it.
 */
export async function actingRecipient(
  tx: EntityManager,
  caller: Caller,
  document: Document,
  recipients: Recipient[],
  now: Date,
): Promise<Recipient | NotFoundError | DocumentStateError> {
  const recipient = ownRecipient(caller, document, recipients);
  if (!recipient) return NotFoundError.of("No such document");
  await expireIfDue(tx, document, recipients, now);
  const ended = ENDED[document.status];
  if (ended) return DocumentStateError.of(document.status, ended);
  if (recipient.role === "cc")
    return DocumentStateError.of(document.status, "You receive a copy of this document; there is nothing for you to sign");
  if (recipient.status !== "pending") return DocumentStateError.of(document.status, `You already ${recipient.status} this document`);
  if (!currentTurn(document, recipients).includes(recipient)) {
    const waiting = currentTurn(document, recipients)
      .map((r) => r.name)
      .join(", ");
    return DocumentStateError.of(document.status, `It is not your turn yet: waiting for ${waiting}`);
  }
  return recipient;
}
