import { forkFor, sql, type EntityManager } from "@portal/kit";
import type { MikroORM } from "@mikro-orm/postgresql";
import { appendAudit, SYSTEM_ACTOR } from "../audit/audit.service.js";
import { isOpen, type Document } from "../documents/document.entity.js";
import { withLockedDocument } from "../documents/document-store.js";
import type { Recipient } from "../documents/recipient.entity.js";
import { announceDocumentChanged } from "../live/document-live.js";

/**
 * An open document past `expiresAt` becomes EXPIRED (system in the audit trail). Called by the sweep
 * and by every recipient action, so nobody can act in the minute before the sweep runs.
 */
export async function expireIfDue(tx: EntityManager, document: Document, recipients: Recipient[], now: Date): Promise<boolean> {
  if (!isOpen(document) || !document.expiresAt || document.expiresAt > now) return false;
  Object.assign(document, { status: "expired", expiredAt: now, updatedAt: now });
  appendAudit(tx, document, "EXPIRED", SYSTEM_ACTOR, { at: now, details: { expiresAt: document.expiresAt.toISOString() } });
  await announceDocumentChanged(tx, document, recipients, "EXPIRED");
  return true;
}

/** Limits a sweep to one business (tests, which share a database, sweep their own). */
export interface SweepScope {
  businessId?: string;
}

/** The sweep: every open document of every business past its expiry. Returns how many expired. */
export async function expireDueDocuments(orm: MikroORM, now: Date, scope: SweepScope = {}): Promise<number> {
  const due = await sql<{ id: string; business_id: string }>(
    forkFor(orm, null),
    `select id, business_id from "documents"."document"
     where status in ('sent', 'partially_signed') and expires_at <= ? and (?::uuid is null or business_id = ?::uuid) order by expires_at limit 500`,
    [now, scope.businessId ?? null, scope.businessId ?? null],
  );
  let expired = 0;
  for (const row of due) {
    const result = await withLockedDocument(forkFor(orm, row.business_id), row.id, ({ document, recipients, tx }) =>
      expireIfDue(tx, document, recipients, now),
    );
    if (result === true) expired++;
  }
  return expired;
}
