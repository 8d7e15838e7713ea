import type { EntityManager } from "@portal/kit";
import type { Document } from "../documents/document.entity.js";
import type { Recipient } from "../documents/recipient.entity.js";
import { recordSignatureRequests } from "../events/document-events.js";
import { turnsBeginning } from "../signing/turns.js";

/** Marks whose turn begins now and asks them to sign (once per recipient: later mails are reminders). */
export async function startTurns(tx: EntityManager, document: Document, recipients: Recipient[], now: Date): Promise<Recipient[]> {
  const starting = turnsBeginning(document, recipients);
  for (const recipient of starting) recipient.turnStartedAt = now;
  await recordSignatureRequests(tx, document, starting, false);
  return starting;
}
