import type { MikroORM } from "@mikro-orm/postgresql";
import type PgBoss from "pg-boss";
import { forkFor, sql, type EntityManager } from "./db.js";
import { NotFoundError, UserError } from "./failures.js";
import { jobDbFor } from "./jobs.js";
import { decodeCursor, pageSize, toConnection, type Connection } from "./pagination.js";
import type { DomainEvent } from "./outbox.js";

/*
 * Dead letters: events a consumer could not handle, kept instead of dropped. One platform table (not
 * one per subgraph), so operators see every consumer's in one place; the kit creates it itself, like
 * pg-boss its own schema. A consumer writes one when a handler still fails after its last retry, or at
 * once when the payload does not match its contract (retrying cannot change the payload).
 */

const TABLE = `"platform_events"."dead_letter"`;

/**
 * `open`: waiting for an operator; `retrying`: sent back to its consumer's queue; `resolved`: the
 * consumer handled it after a retry; `discarded`: an operator decided it needs no handling.
 */
export type DeadLetterStatus = "open" | "retrying" | "resolved" | "discarded";
export const DEAD_LETTER_STATUSES: readonly DeadLetterStatus[] = ["open", "retrying", "resolved", "discarded"];

export interface DeadLetter {
  id: string;
  /** The consumer that gave up, e.g. `automation`. */
  consumer: string;
  /** The consumer's pg-boss queue for this event type; a retry is sent there. */
  queue: string;
  eventId: string;
  eventType: string;
  businessId: string | null;
  occurredAt: Date;
  payload: unknown;
  /** The last error, e.g. the handler's message or the contract's complaints about the payload. */
  error: string;
  /** How many times the consumer tried, over every delivery (a retried letter adds its new attempts). */
  attempts: number;
  status: DeadLetterStatus;
  firstFailedAt: Date;
  lastFailedAt: Date;
  retriedAt: Date | null;
  resolvedAt: Date | null;
  discardedAt: Date | null;
}

/** The job a retry sends: the stored event, marked so that handling it resolves the letter. */
export type RedeliveredEvent = DomainEvent<unknown> & { deadLetterId?: string };

const ready = new WeakMap<MikroORM, Promise<void>>();

/**
 * Creates the dead-letter table when it is missing, once per process and database. Processes that
 * start together take turns under a transaction-scoped advisory lock, so `create … if not exists`
 * never races itself.
 */
export function ensureDeadLetterStore(orm: MikroORM): Promise<void> {
  let done = ready.get(orm);
  if (!done) {
    done = forkFor(orm, null).transactional(async (em) => {
      await sql(em, "select pg_advisory_xact_lock(hashtext('platform_events.dead_letter'))");
      await sql(em, `create schema if not exists "platform_events"`);
      await sql(
        em,
        `create table if not exists ${TABLE} (
          "id" uuid primary key default gen_random_uuid(),
          "consumer" text not null,
          "queue" text not null,
          "event_id" uuid not null,
          "event_type" text not null,
          "business_id" uuid null,
          "occurred_at" timestamptz not null,
          "payload" jsonb not null,
          "error" text not null,
          "attempts" integer not null,
          "status" text not null default 'open',
          "first_failed_at" timestamptz not null default now(),
          "last_failed_at" timestamptz not null default now(),
          "retried_at" timestamptz null,
          "resolved_at" timestamptz null,
          "discarded_at" timestamptz null,
          unique ("consumer", "event_id")
        )`,
      );
      await sql(em, `create index if not exists "dead_letter_by_status" on ${TABLE} ("status", "last_failed_at" desc, "id" desc)`);
      await sql(em, `create index if not exists "dead_letter_by_time" on ${TABLE} ("last_failed_at" desc, "id" desc)`);
    });
    done.catch(() => ready.delete(orm)); // a database outage at start: try again next time
    ready.set(orm, done);
  }
  return done;
}

/**
 * Keeps an event its consumer gave up on. The same event failing again for the same consumer (after
 * an operator's retry) updates its letter: open again, with the new error and the attempts added.
 */
export async function recordDeadLetter(
  em: EntityManager,
  letter: { consumer: string; queue: string; event: DomainEvent<unknown>; error: string; attempts: number },
): Promise<DeadLetter> {
  const { consumer, queue, event, error, attempts } = letter;
  const [row] = await sql<Row>(
    em,
    `insert into ${TABLE} ("consumer", "queue", "event_id", "event_type", "business_id", "occurred_at", "payload", "error", "attempts")
     values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
     on conflict ("consumer", "event_id") do update set
       "status" = 'open', "error" = excluded."error", "attempts" = ${TABLE}."attempts" + excluded."attempts",
       "last_failed_at" = now(), "resolved_at" = null
     returning *`,
    [
      consumer,
      queue,
      event.eventId,
      event.type,
      event.businessId,
      event.occurredAt,
      JSON.stringify(event.payload ?? null),
      error,
      attempts,
    ],
  );
  return toDeadLetter(row as Row);
}

/** Called in the consumer's transaction once a retried event was handled (or found handled already). */
export async function resolveDeadLetter(em: EntityManager, deadLetterId: string): Promise<void> {
  await sql(em, `update ${TABLE} set "status" = 'resolved', "resolved_at" = now() where "id" = ? and "status" = 'retrying'`, [
    deadLetterId,
  ]);
}

export interface DeadLetterFilter {
  status?: DeadLetterStatus | null;
  /** One consumer's letters only, e.g. `automation`. */
  consumer?: string | null;
  first?: number | null;
  after?: string | null;
}

/** Newest failures first. */
export async function listDeadLetters(em: EntityManager, filter: DeadLetterFilter): Promise<Connection<DeadLetter>> {
  const limit = pageSize(filter.first);
  const cursor = decodeCursor(filter.after);
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    where.push(`"status" = ?`);
    params.push(filter.status);
  }
  if (filter.consumer) {
    where.push(`"consumer" = ?`);
    params.push(filter.consumer);
  }
  const countWhere = where.length ? `where ${where.join(" and ")}` : "";
  const countParams = [...params];
  if (cursor) {
    where.push(`("last_failed_at", "id") < (?::timestamptz, ?::uuid)`);
    params.push(cursor.sort, cursor.id);
  }
  const pageWhere = where.length ? `where ${where.join(" and ")}` : "";
  // The cursor keeps the time as PostgreSQL prints it: microseconds, which a Date would round away.
  const rows = await sql<Row & { sort_key: string }>(
    em,
    `select *, "last_failed_at"::text as "sort_key" from ${TABLE} ${pageWhere} order by "last_failed_at" desc, "id" desc limit ?`,
    [...params, limit + 1],
  );
  const [counted] = await sql<{ count: string }>(em, `select count(*) from ${TABLE} ${countWhere}`, countParams);
  const page = toConnection(rows, limit, Number(counted?.count ?? 0), (row) => ({ sort: row.sort_key, id: row.id }), cursor !== null);
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toDeadLetter(edge.node) })) };
}

/** A retry or discard of a letter that is no longer open. */
export class DeadLetterStateError extends UserError {
  static of(letter: DeadLetter): DeadLetterStateError {
    return Object.assign(new DeadLetterStateError(), {
      message: `This event is ${letter.status} already; only open ones can be retried or discarded`,
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function lockOpenLetter(em: EntityManager, id: string): Promise<DeadLetter | NotFoundError | DeadLetterStateError> {
  if (!UUID.test(id)) return NotFoundError.of("No such dead letter");
  const [row] = await sql<Row>(em, `select * from ${TABLE} where "id" = ? for update`, [id]);
  if (!row) return NotFoundError.of("No such dead letter");
  const letter = toDeadLetter(row);
  return letter.status === "open" ? letter : DeadLetterStateError.of(letter);
}

/**
 * Sends the stored event back to its consumer's queue, in the transaction that marks the letter
 * `retrying`. The consumer's processed-event marker still guarantees it is handled at most once; when
 * it is handled, the letter becomes `resolved`, and if it fails for good again, `open`.
 */
export async function retryDeadLetter(orm: MikroORM, boss: PgBoss, id: string): Promise<DeadLetter | NotFoundError | DeadLetterStateError> {
  await ensureDeadLetterStore(orm);
  return forkFor(orm, null).transactional(async (em) => {
    const letter = await lockOpenLetter(em, id);
    if (letter instanceof UserError) return letter;
    const job: RedeliveredEvent = {
      eventId: letter.eventId,
      type: letter.eventType,
      businessId: letter.businessId,
      occurredAt: letter.occurredAt.toISOString(),
      payload: letter.payload,
      deadLetterId: letter.id,
    };
    await boss.send(letter.queue, job as unknown as object, { db: jobDbFor(em) });
    const [row] = await sql<Row>(em, `update ${TABLE} set "status" = 'retrying', "retried_at" = now() where "id" = ? returning *`, [id]);
    return toDeadLetter(row as Row);
  });
}

/** Marks a letter as needing no handling; it stays listed (filter `discarded`). */
export async function discardDeadLetter(orm: MikroORM, id: string): Promise<DeadLetter | NotFoundError | DeadLetterStateError> {
  await ensureDeadLetterStore(orm);
  return forkFor(orm, null).transactional(async (em) => {
    const letter = await lockOpenLetter(em, id);
    if (letter instanceof UserError) return letter;
    const [row] = await sql<Row>(em, `update ${TABLE} set "status" = 'discarded', "discarded_at" = now() where "id" = ? returning *`, [id]);
    return toDeadLetter(row as Row);
  });
}

interface Row {
  id: string;
  consumer: string;
  queue: string;
  event_id: string;
  event_type: string;
  business_id: string | null;
  occurred_at: Date | string;
  payload: unknown;
  error: string;
  attempts: number;
  status: DeadLetterStatus;
  first_failed_at: Date | string;
  last_failed_at: Date | string;
  retried_at: Date | string | null;
  resolved_at: Date | string | null;
  discarded_at: Date | string | null;
}

const dateOf = (value: Date | string) => new Date(value);
const maybeDate = (value: Date | string | null) => (value === null ? null : new Date(value));

function toDeadLetter(row: Row): DeadLetter {
  return {
    id: row.id,
    consumer: row.consumer,
    queue: row.queue,
    eventId: row.event_id,
    eventType: row.event_type,
    businessId: row.business_id,
    occurredAt: dateOf(row.occurred_at),
    payload: row.payload,
    error: row.error,
    attempts: row.attempts,
    status: row.status,
    firstFailedAt: dateOf(row.first_failed_at),
    lastFailedAt: dateOf(row.last_failed_at),
    retriedAt: maybeDate(row.retried_at),
    resolvedAt: maybeDate(row.resolved_at),
    discardedAt: maybeDate(row.discarded_at),
  };
}
