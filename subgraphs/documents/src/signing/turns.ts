import { isOpen, type Document } from "../documents/document.entity.js";
import { acts, type Recipient } from "../documents/recipient.entity.js";

/** Signers and approvers who have not acted yet. */
export const stillToAct = (recipients: Recipient[]) => recipients.filter((recipient) => acts(recipient) && recipient.status === "pending");

/**
 * Whose turn it is on an open document: everyone still to act when PARALLEL; in SEQUENTIAL order,
 * those with the lowest `order` among them (equal orders act together).
 */
export function currentTurn(document: Pick<Document, "status" | "signingOrder">, recipients: Recipient[]): Recipient[] {
  if (!isOpen(document)) return [];
  const waiting = stillToAct(recipients);
  if (document.signingOrder === "parallel" || waiting.length === 0) return waiting;
  const lowest = Math.min(...waiting.map((recipient) => recipient.order));
  return waiting.filter((recipient) => recipient.order === lowest);
}

/** Recipients whose turn begins now (not requested before): they get the signature request. */
export function turnsBeginning(document: Pick<Document, "status" | "signingOrder">, recipients: Recipient[]): Recipient[] {
  return currentTurn(document, recipients).filter((recipient) => recipient.turnStartedAt === null);
}

/** Recipients by signing order, then as staff listed them. */
export const byOrder = (recipients: Recipient[]) => [...recipients].sort((a, b) => a.order - b.order || a.position - b.position);
