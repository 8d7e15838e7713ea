import { LockMode } from "@mikro-orm/postgresql";
import { NotFoundError, type EntityManager } from "@portal/kit";
import { isUuid } from "../shared/ids.js";
import { Document } from "./document.entity.js";
import { Recipient } from "./recipient.entity.js";
import { DocumentFieldRow } from "./field.entity.js";

/** Every function here runs on a tenant-scoped EntityManager: the filter keeps it in one business. */
export function findDocument(em: EntityManager, id: string): Promise<Document | null> {
  return isUuid(id) ? em.findOne(Document, { id }) : Promise.resolve(null);
}

export const recipientsOf = (em: EntityManager, documentId: string) =>
  em.find(Recipient, { documentId }, { orderBy: { order: "asc", position: "asc" } });
export const fieldsOf = (em: EntityManager, documentId: string) =>
  em.find(DocumentFieldRow, { documentId }, { orderBy: { position: "asc" } });

export interface Locked {
  document: Document;
  recipients: Recipient[];
  tx: EntityManager;
}

/**
 * Runs `work` in a transaction on the document locked `for update`, with its recipients: changes to
 * one document (two signers finishing at once, a sweep and a signer) queue instead of racing.
 * `work` returns what the mutation answers; its writes are flushed before commit.
 */
export async function withLockedDocument<R>(
  em: EntityManager,
  id: string,
  work: (locked: Locked) => Promise<R>,
): Promise<R | NotFoundError> {
  if (!isUuid(id)) return NotFoundError.of("No such document");
  return em.transactional(async (tx) => {
    const document = await tx.findOne(Document, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!document) return NotFoundError.of("No such document");
    const recipients = await tx.find(Recipient, { documentId: id }, { orderBy: { order: "asc", position: "asc" }, refresh: true });
    const result = await work({ document, recipients, tx });
    await tx.flush();
    return result;
  });
}
