import { Entity, Index, PrimaryKey, Property, type MikroORM } from "@mikro-orm/postgresql";
import type PgBoss from "pg-boss";
import { forkFor, sql, type EntityManager } from "./db.js";
import { ensureQueue } from "./jobs.js";

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
      const event: DomainEvent = { eventId: row.id, type: row.type, businessId: row.business_id, occurredAt: new Date(row.created_at).toISOString(), payload: row.payload };
      await boss.publish(row.type, event as unknown as object);
    }
    if (rows.length) await sql(tx, `update "${schema}"."outbox_event" set published_at = now() where id in (?)`, [rows.map((r) => r.id)]); // knex expands the array into a list
    return rows.length;
  });
}

/** Polls the outbox until stopped; the interval is short because the query hits a partial index. */
export function startOutboxRelay(orm: MikroORM, boss: PgBoss, schema: string, intervalMs = 200): { stop: () => Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    if (stopped) return;
    running = relayOutbox(orm, boss, schema).catch((error) => console.error(`[${schema}] outbox relay failed`, error));
    await running;
    if (!stopped) timer = setTimeout(tick, intervalMs);
  };
  let timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/**
 * Subscribes `consumer` to an event type and handles each event exactly once per consumer: the
 * processed-event marker is inserted in the same transaction as the handler's writes. A thrown error
 * rolls both back and pg-boss retries with backoff.
 */
export async function consumeEvents<P>(
  boss: PgBoss,
  orm: MikroORM,
  schema: string,
  consumer: string,
  eventType: string,
  handler: (event: DomainEvent<P>, em: EntityManager) => Promise<void>,
): Promise<void> {
  const queue = `${consumer}__${eventType}`.replace(/[^A-Za-z0-9_.-]/g, "_");
  // 1 s doubling: an event that arrives moments before what it depends on (e.g. a profile from
  // another subgraph) is handled within seconds, and retries still span about 17 minutes.
  await ensureQueue(boss, queue, { retryLimit: 10, retryDelay: 1, retryBackoff: true });
  await boss.subscribe(eventType, queue);
  await boss.work<DomainEvent<P>>(queue, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    const event = job.data;
    await forkFor(orm, event.businessId).transactional(async (em) => {
      const inserted = await sql(
        em,
        `insert into "${schema}"."processed_event" (consumer, event_id) values (?, ?) on conflict do nothing returning event_id`,
        [consumer, event.eventId],
      );
      if (inserted.length === 0) return; // already handled: a redelivery
      await handler(event, em);
    });
  });
}
