import { Entity, Index, PrimaryKey, Property, type MikroORM } from "@mikro-orm/postgresql";
import type PgBoss from "pg-boss";
import { forkFor, sql, type EntityManager } from "./db.js";
import { type DeadLetter, ensureDeadLetterStore, type RedeliveredEvent, recordDeadLetter, resolveDeadLetter } from "./dead-letters.js";
import { ensureQueue, workQueue } from "./jobs.js";
import { countDeadLetter, logOf, observeEventLag } from "./observability/index.js";
import { FALLBACK_POLL_MS, installOutboxAnnouncements, wakeupsOf } from "./wakeups.js";

/**
 * Transactional outbox: a domain event is a row written in the same transaction as the state change
 * it describes, so a crash can never keep one without the other. The relay publishes rows to pg-boss
 * afterwards; a row may be published more than once (crash after publish, before marking), which is
 * why consumers are idempotent on the event id.
 */
@Entity({ tableName: "outbox_event" })
@Index({ properties: ["publishedAt", "createdAt"] })
export class OutboxEvent {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "text" })
  type!: string;
  @Property({ type: "uuid", nullable: true })
  businessId!: string | null;
  @Property({ type: "json" })
  payload!: Record<string, unknown>;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  publishedAt: Date | null = null;
}

/** Remembers which events a consumer has handled, in the consumer's own schema. */
@Entity({ tableName: "processed_event" })
export class ProcessedEvent {
  @PrimaryKey({ type: "text" })
  consumer!: string;
  @PrimaryKey({ type: "uuid" })
  eventId!: string;
  @Property({ type: "datetime", defaultRaw: "now()" })
  processedAt: Date = new Date();
}

/** SQL for the two tables above; each subgraph's first migration includes it. */
export function eventTablesSql(schema: string): string[] {
  return [
    `create table "${schema}"."outbox_event" ("id" uuid primary key default gen_random_uuid(), "type" text not null, "business_id" uuid null, "payload" jsonb not null, "created_at" timestamptz not null default now(), "published_at" timestamptz null)`,
    `create index "outbox_event_unpublished" on "${schema}"."outbox_event" ("created_at") where "published_at" is null`,
    `create table "${schema}"."processed_event" ("consumer" text not null, "event_id" uuid not null, "processed_at" timestamptz not null default now(), primary key ("consumer", "event_id"))`,
  ];
}

export interface DomainEvent<P = Record<string, unknown>> {
  eventId: string;
  type: string;
  businessId: string | null;
  occurredAt: string;
  payload: P;
}

/** Adds an event to the unit of work; it is written by the same flush/commit as the change. */
export function recordEvent(em: EntityManager, type: string, businessId: string | null, payload: Record<string, unknown>): void {
  em.persist(Object.assign(new OutboxEvent(), { type, businessId, payload }));
}

/** Publishes unpublished outbox rows; returns how many it sent. Safe to run in several processes. */
export async function relayOutbox(orm: MikroORM, boss: PgBoss, schema: string, batch = 100): Promise<number> {
  const em = forkFor(orm, null);
  return em.transactional(async (tx) => {
    const rows = await sql<{ id: string; type: string; business_id: string | null; payload: Record<string, unknown>; created_at: Date }>(
      tx,
      `select id, type, business_id, payload, created_at from "${schema}"."outbox_event" where published_at is null order by created_at limit ? for update skip locked`,
      [batch],
    );
    for (const row of rows) {
      const event: DomainEvent = {
        eventId: row.id,
        type: row.type,
        businessId: row.business_id,
        occurredAt: new Date(row.created_at).toISOString(),
        payload: row.payload,
      };
      await boss.publish(row.type, event as unknown as object);
    }
    if (rows.length) await sql(tx, `update "${schema}"."outbox_event" set published_at = now() where id in (?)`, [rows.map((r) => r.id)]); // knex expands the array into a list
    return rows.length;
  });
}

/**
 * Relays the outbox until stopped. A statement that writes to the outbox announces it (a trigger,
 * see `wakeups.ts`; delivered on commit), so the relay runs as soon as an event is committed, again
 * at once after a full batch, and otherwise only every `intervalMs` (default `FALLBACK_POLL_MS`), for
 * an announcement missed while the LISTEN connection was down. Without announcements (a pg-boss not
 * from `startJobs`, or an outbox whose trigger could not be installed yet) it polls every 200 ms.
 * While the database is unreachable (a restart) it retries less often, up to every 5 s, and says so
 * once rather than on every attempt; it resumes on its own when the database is back.
 */
export function startOutboxRelay(orm: MikroORM, boss: PgBoss, schema: string, intervalMs?: number): { stop: () => Promise<void> } {
  const maxDelayMs = 5000;
  const batch = 100;
  const wakeups = wakeupsOf(boss);
  let announced = false;
  let installFailureLogged = false;
  const normalDelay = () => intervalMs ?? (announced ? FALLBACK_POLL_MS : 200);
  let stopped = false;
  let failing = false;
  let woken = false;
  let delay = 0;
  let failureDelay = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | null = null;

  /** Installs the outbox's trigger until that succeeds; what failed, if it did. */
  const announce = async (): Promise<unknown> => {
    if (!wakeups || announced) return undefined;
    try {
      await installOutboxAnnouncements(orm, schema);
      announced = true;
      return undefined;
    } catch (error) {
      return error;
    }
  };
  /** Relays one batch; true when there may be more right away. */
  const attempt = async (): Promise<boolean> => {
    try {
      const installFailure = await announce();
      const sent = await relayOutbox(orm, boss, schema, batch);
      if (installFailure && !installFailureLogged) {
        // The database answers, so this is no outage: say once why the relay keeps polling.
        installFailureLogged = true;
        const reason = installFailure instanceof Error ? installFailure.message : String(installFailure);
        logOf(`${schema}.outbox`).warn(`outbox relay polls: its outbox cannot be announced (${reason})`);
      }
      if (failing) logOf(`${schema}.outbox`).info("outbox relay resumed");
      failing = false;
      delay = normalDelay();
      return sent >= batch;
    } catch (error) {
      if (!failing)
        logOf(`${schema}.outbox`).error(
          `outbox relay failed (${error instanceof Error ? error.message : error}); retrying until it succeeds`,
        );
      failureDelay = failing ? Math.min(failureDelay * 2, maxDelayMs) : 400;
      failing = true;
      delay = failureDelay;
      return false;
    }
  };
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(tick, ms);
  };
  const tick = async () => {
    if (stopped || running) return;
    woken = false;
    running = attempt();
    const more = await running;
    running = null;
    if (!stopped) schedule(more || woken ? 0 : delay);
  };
  // Woken while relaying: the rows just committed may have been missed, so it runs again after.
  const unwatch = wakeups?.watchOutbox(schema, () => {
    if (stopped) return;
    if (running) woken = true;
    else schedule(0);
  });
  schedule(0);
  return {
    async stop() {
      stopped = true;
      unwatch?.();
      clearTimeout(timer);
      await running;
    },
  };
}

/** How often a consumer retries an event whose handler throws before keeping it as a dead letter. */
export interface EventRetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  delaySeconds: number;
  /** Doubling the delay each time (with jitter), as pg-boss does. */
  backoff: boolean;
}

/**
 * 1 s doubling, 10 times: an event that arrives moments before what it depends on (e.g. a profile
 * from another subgraph) is handled within seconds, and retries still span about 17 minutes.
 */
export const DEFAULT_EVENT_RETRY: EventRetryPolicy = { limit: 10, delaySeconds: 1, backoff: true };

/** A failure retrying cannot fix (e.g. a payload that breaks its contract): the event is dead-lettered at once. */
export class PermanentEventFailure extends Error {}

export interface ConsumeOptions {
  retry?: EventRetryPolicy;
  /**
   * Runs once an event became a dead letter, in a transaction of its own (scoped to the event's
   * business), e.g. to tell users what will not happen. Its failure is logged; the letter stays.
   */
  onDeadLetter?: (letter: DeadLetter, em: EntityManager) => Promise<void>;
}

/** The pg-boss queue of one consumer for one event type. */
export const consumerQueue = (consumer: string, eventType: string) => `${consumer}__${eventType}`.replace(/[^A-Za-z0-9_.-]/g, "_");

/**
 * Subscribes `consumer` to an event type and handles each event exactly once per consumer: the
 * processed-event marker is inserted in the same transaction as the handler's writes. A thrown error
 * rolls both back and pg-boss retries with backoff; after the last retry (or at once, for a
 * `PermanentEventFailure`) the event is kept as a dead letter (`dead-letters.ts`) for operators to
 * retry or discard. A retried letter is resolved in the transaction that handles it.
 */
export async function consumeEvents<P>(
  boss: PgBoss,
  orm: MikroORM,
  schema: string,
  consumer: string,
  eventType: string,
  handler: (event: DomainEvent<P>, em: EntityManager) => Promise<void>,
  options: ConsumeOptions = {},
): Promise<void> {
  const queue = consumerQueue(consumer, eventType);
  const retry = options.retry ?? DEFAULT_EVENT_RETRY;
  const policy = { retryLimit: retry.limit, retryDelay: retry.delaySeconds, retryBackoff: retry.backoff };
  await ensureDeadLetterStore(orm);
  await ensureQueue(boss, queue, policy);
  await boss.updateQueue(queue, { name: queue, ...policy }); // an existing queue takes today's policy
  await boss.subscribe(eventType, queue);
  await workQueue<RedeliveredEvent>(boss, queue, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([job]) => {
    const { deadLetterId, ...event } = job.data;
    let handled = false;
    try {
      await forkFor(orm, event.businessId).transactional(async (em) => {
        if (deadLetterId) await resolveDeadLetter(em, deadLetterId);
        const inserted = await sql(
          em,
          `insert into "${schema}"."processed_event" (consumer, event_id) values (?, ?) on conflict do nothing returning event_id`,
          [consumer, event.eventId],
        );
        if (inserted.length === 0) return; // already handled: a redelivery
        await handler(event as DomainEvent<P>, em);
        handled = true;
      });
      if (handled && !deadLetterId) observeEventLag(consumer, eventType, event.occurredAt); // a retried letter's age is the operator's
    } catch (error) {
      const permanent = error instanceof PermanentEventFailure;
      if (!permanent && job.retryCount < job.retryLimit) throw error; // pg-boss tries again later
      await keepDeadLetter(orm, { consumer, queue, event, error, attempts: job.retryCount + 1 }, options.onDeadLetter);
    }
  });
}

async function keepDeadLetter(
  orm: MikroORM,
  failure: { consumer: string; queue: string; event: DomainEvent<unknown>; error: unknown; attempts: number },
  onDeadLetter: ConsumeOptions["onDeadLetter"],
): Promise<void> {
  const { consumer, event } = failure;
  const error = failure.error instanceof Error ? failure.error.message : String(failure.error);
  const letter = await forkFor(orm, null).transactional((em) => recordDeadLetter(em, { ...failure, error }));
  countDeadLetter(consumer, event.type);
  const log = logOf(consumer);
  log.error({ event: event.type, eventId: event.eventId, attempts: failure.attempts }, `gave up: ${error}`);
  if (!onDeadLetter) return;
  try {
    await forkFor(orm, event.businessId).transactional((em) => onDeadLetter(letter, em));
  } catch (hookError) {
    log.error({ err: hookError, event: event.type, eventId: event.eventId }, `dead-letter hook for ${event.type} ${event.eventId} failed`);
  }
}
