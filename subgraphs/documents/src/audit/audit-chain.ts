import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";
import type { AuditEntry } from "./audit-entry.entity.js";

/** The fields the hash covers (docs/architecture.md, "Audit trail"). */
export function hashedContent(entry: Omit<AuditEntry, "id" | "businessId" | "hash" | "previousHash">): string {
  return canonicalJson({
    documentId: entry.documentId,
    sequence: entry.sequence,
    action: entry.action,
    actorKind: entry.actorKind,
    actorId: entry.actorId,
    actorName: entry.actorName,
    recipientId: entry.recipientId,
    ip: entry.ip,
    userAgent: entry.userAgent,
    details: JSON.parse(entry.details) as unknown,
    occurredAt: entry.occurredAt.toISOString(),
  });
}

/** sha256(previousHash + "\n" + canonicalJson(entry)), hex. */
export function chainHash(previousHash: string, entry: Parameters<typeof hashedContent>[0]): string {
  return createHash("sha256")
    .update(`${previousHash}\n${hashedContent(entry)}`)
    .digest("hex");
}

export interface ChainCheck {
  valid: boolean;
  entries: number;
  problem: string | null;
}

/**
 * Walks the trail in sequence order: every entry present from 1, each linked to the one before and
 * hashing to its stored hash, and the last one equal to the document's head (so a deleted newest
 * entry is caught too).
 */
export function verifyChain(entries: AuditEntry[], head: { sequence: number; hash: string }, genesis: string): ChainCheck {
  const bad = (problem: string): ChainCheck => ({ valid: false, entries: entries.length, problem });
  let previous = genesis;
  for (const [index, entry] of entries.entries()) {
    const expected = index + 1;
    if (entry.sequence !== expected) return bad(`Entry ${expected} is missing from the audit trail`);
    if (entry.previousHash !== previous) return bad(`Entry ${expected} is not linked to the entry before it`);
    if (chainHash(previous, entry) !== entry.hash) return bad(`Entry ${expected} was altered after it was recorded`);
    previous = entry.hash;
  }
  if (entries.length < head.sequence)
    return bad(
      `The newest ${head.sequence - entries.length === 1 ? "entry is" : "entries are"} missing: the document records ${head.sequence} entries, ${entries.length} remain`,
    );
  if (entries.length > head.sequence || previous !== head.hash) return bad("The audit trail does not end where the document says it does");
  return { valid: true, entries: entries.length, problem: null };
}
