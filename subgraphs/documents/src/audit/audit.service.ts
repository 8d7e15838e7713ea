import { type EntityManager, findPage, type PageArgs, readSnapshot } from "@portal/kit";
import { findDocument } from "../documents/document-store.js";
import { GENESIS_HASH, type Document } from "../documents/document.entity.js";
import { chainHash, verifyChain, type ChainCheck } from "./audit-chain.js";
import { canonicalJson } from "./canonical-json.js";
import { AuditEntry, type AuditActionValue } from "./audit-entry.entity.js";

/** Who did something, as the audit trail records it. */
export interface AuditActor {
  kind: string;
  id: string | null;
  name: string;
  ip: string | null;
  userAgent: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { kind: "system", id: null, name: "System", ip: null, userAgent: null };

/**
 * Appends an entry to the document's chain and moves the document's head. The caller holds the
 * document row locked (`for update`) in `tx`, which serializes appends per document.
 */
export function appendAudit(
  tx: EntityManager,
  document: Document,
  action: AuditActionValue,
  actor: AuditActor,
  options: { recipientId?: string | null; details?: Record<string, unknown>; at?: Date } = {},
): AuditEntry {
  const entry = Object.assign(new AuditEntry(), {
    businessId: document.businessId,
    documentId: document.id,
    sequence: document.auditHeadSequence + 1,
    action,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    recipientId: options.recipientId ?? null,
    ip: actor.ip,
    userAgent: actor.userAgent,
    details: canonicalJson(options.details ?? {}),
    occurredAt: options.at ?? new Date(),
    previousHash: document.auditHeadHash,
  });
  entry.hash = chainHash(entry.previousHash, entry);
  document.auditHeadSequence = entry.sequence;
  document.auditHeadHash = entry.hash;
  tx.persist(entry);
  return entry;
}

export function auditPage(em: EntityManager, documentId: string, args: PageArgs) {
  return findPage(em, AuditEntry, { documentId }, "sequence", args, "asc");
}

export function allAuditEntries(em: EntityManager, documentId: string): Promise<AuditEntry[]> {
  return em.find(AuditEntry, { documentId }, { orderBy: { sequence: "asc" } });
}

/**
 * The document's head and its entries are read from one snapshot: an entry appended meanwhile (an
 * email's delivery, recorded by an event handler) would otherwise show as a trail longer than its head.
 * Null when the document no longer exists.
 */
export function verifyDocumentAudit(em: EntityManager, documentId: string): Promise<ChainCheck | null> {
  return readSnapshot(em, async (snapshot) => {
    const document = await findDocument(snapshot, documentId);
    if (!document) return null;
    const entries = await allAuditEntries(snapshot, document.id);
    return verifyChain(entries, { sequence: document.auditHeadSequence, hash: document.auditHeadHash }, GENESIS_HASH);
  });
}
