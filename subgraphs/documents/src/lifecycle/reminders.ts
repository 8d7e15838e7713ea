import { forkFor, sql, type EntityManager } from "@portal/kit";
import type { MikroORM } from "@mikro-orm/postgresql";
import { appendAudit, SYSTEM_ACTOR, type AuditActor } from "../audit/audit.service.js";
import type { Document } from "../documents/document.entity.js";
import { withLockedDocument } from "../documents/document-store.js";
import type { Recipient } from "../documents/recipient.entity.js";
import { recordSignatureRequests } from "../events/document-events.js";
import { announceDocumentChanged } from "../live/document-live.js";
import { currentTurn } from "../signing/turns.js";
import { expireIfDue, type SweepScope } from "./expiry.js";

const DAY_MS = 86_400_000;

/** Reminds `recipients` (whose turn it is): one signature request each with `reminder: true`, and REMINDED. */
export async function sendReminders(
  tx: EntityManager,
  document: Document,
  all: Recipient[],
  recipients: Recipient[],
  actor: AuditActor,
  now: Date,
): Promise<void> {
  for (const recipient of recipients) recipient.lastRemindedAt = now;
  await recordSignatureRequests(tx, document, recipients, true);
  appendAudit(tx, document, "REMINDED", actor, {
    at: now,
    details: { recipients: recipients.map((r) => ({ recipientId: r.id, name: r.name })) },
  });
  await announceDocumentChanged(tx, document, all, "REMINDED");
}

/** Whose automatic reminder is due: their turn, one interval after the request or the last reminder. */
export function dueForReminder(document: Document, recipients: Recipient[], now: Date): Recipient[] {
  if (!document.reminderIntervalDays) return [];
  const interval = document.reminderIntervalDays * DAY_MS;
  return currentTurn(document, recipients).filter((recipient) => {
    const since = recipient.lastRemindedAt ?? recipient.turnStartedAt;
    return since !== null && since.getTime() + interval <= now.getTime();
  });
}

/**
 * The sweep: reminders due on open, unexpired documents with an interval, across businesses. Each
 * document is re-checked under its lock, so two workers never remind twice. Returns reminders sent.
 */
export async function runDueReminders(orm: MikroORM, now: Date, scope: SweepScope = {}): Promise<number> {
  const candidates = await sql<{ id: string; business_id: string }>(
    forkFor(orm, null),
    `select distinct d.id, d.business_id from "documents"."document" d join "documents"."recipient" r on r.document_id = d.id
     where d.status in ('sent', 'partially_signed') and d.reminder_interval_days is not null
       and r.role <> 'cc' and r.status = 'pending' and r.turn_started_at is not null
       and coalesce(r.last_reminded_at, r.turn_started_at) + make_interval(days => d.reminder_interval_days) <= ?
       and (?::uuid is null or d.business_id = ?::uuid)
     limit 500`,
    [now, scope.businessId ?? null, scope.businessId ?? null],
  );
  let sent = 0;
  for (const row of candidates) {
    const result = await withLockedDocument(forkFor(orm, row.business_id), row.id, async ({ document, recipients, tx }) => {
      if (await expireIfDue(tx, document, recipients, now)) return 0;
      const due = dueForReminder(document, recipients, now);
      if (due.length) await sendReminders(tx, document, recipients, due, SYSTEM_ACTOR, now);
      return due.length;
    });
    if (typeof result === "number") sent += result;
  }
  return sent;
}
