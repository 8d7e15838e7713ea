import { randomUUID } from "node:crypto";
import { Migration } from "@mikro-orm/migrations";
import type { MikroORM } from "@mikro-orm/postgresql";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import {
  consume,
  type DeadLetter,
  DeadLetterStateError,
  type DomainEvent,
  deliverEvent,
  discardDeadLetter,
  eventTablesSql,
  forkFor,
  listDeadLetters,
  migrateSubgraph,
  openOrm,
  OutboxEvent,
  ProcessedEvent,
  retryDeadLetter,
  type SubgraphDefinition,
  sql,
  startJobs,
} from "../src/index.js";

const SCHEMA = "kit_dead_letter_spec";

class CreateTables extends Migration {
  async up() {
    this.addSql(`create table "${SCHEMA}"."receipt" (event_id uuid not null, reference text not null)`);
    for (const statement of eventTablesSql(SCHEMA)) this.addSql(statement);
  }
}

const definition = {
  name: "dead-letter-spec",
  schema: SCHEMA,
  entities: [OutboxEvent, ProcessedEvent],
  migrations: [{ name: "CreateTables", class: CreateTables }],
} as unknown as SubgraphDefinition;

const run = randomUUID().slice(0, 8);
/** A contract as @portal/contracts declares them, for this run only. */
const orderPlaced = {
  name: `spec.order_placed.${run}`,
  producer: "billing",
  version: 1,
  payload: z.object({ reference: z.string().min(1) }),
} as const;
const consumer = { schema: SCHEMA, name: `receipts-${run}`, retry: { limit: 2, delaySeconds: 0, backoff: false } };

describe("dead letters", () => {
  let orm: MikroORM;
  let boss: PgBoss;
  /** The cause of failure, switched by each test: while set, the handler throws it. */
  let outage: string | null = null;
  const handled: string[] = [];
  const hooked: { event: DomainEvent<{ reference: string }> | null; letter: DeadLetter }[] = [];

  const receipts = async (eventId: string) =>
    (await sql(forkFor(orm, null), `select 1 from "${SCHEMA}"."receipt" where event_id = ?`, [eventId])).length;

  const letterOf = async (eventId: string): Promise<DeadLetter | undefined> => {
    const page = await listDeadLetters(forkFor(orm, null), { consumer: consumer.name, first: 100 });
    return page.edges.map((edge) => edge.node).find((letter) => letter.eventId === eventId);
  };

  async function eventually<T>(check: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl" as never) as string;
    orm = await openOrm(definition, databaseUrl);
    await migrateSubgraph(definition, orm, databaseUrl);
    boss = await startJobs(databaseUrl);
    await consume(
      { boss, orm },
      consumer,
      orderPlaced,
      async (event, em) => {
        handled.push(event.eventId);
        if (outage) throw new Error(outage);
        await sql(em, `insert into "${SCHEMA}"."receipt" (event_id, reference) values (?, ?)`, [event.eventId, event.payload.reference]);
      },
      {
        async onDeadLetter(event, letter) {
          hooked.push({ event, letter });
        },
      },
    );
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await orm?.close();
  });

  it("keeps an event that still fails after its retries, and handles it exactly once when an operator retries it", async () => {
    outage = "The mail provider is down";
    const event = await deliverEvent(boss, orderPlaced, null, { reference: "A-1" });

    const letter = await eventually(() => letterOf(event.eventId), "the dead letter");
    expect(letter).toMatchObject({
      consumer: consumer.name,
      eventType: orderPlaced.name,
      businessId: null,
      payload: { reference: "A-1" },
      error: "The mail provider is down",
      attempts: 3, // the first try and two retries
      status: "open",
    });
    expect(handled.filter((id) => id === event.eventId)).toHaveLength(3);
    expect(hooked.find((entry) => entry.letter.id === letter.id)?.event?.payload).toEqual({ reference: "A-1" });
    expect(await receipts(event.eventId)).toBe(0);

    outage = null; // the cause is fixed
    expect(await retryDeadLetter(orm, boss, letter.id)).toMatchObject({ status: "retrying" });
    const resolved = await eventually(async () => {
      const current = await letterOf(event.eventId);
      return current?.status === "resolved" && current;
    }, "the retried letter to be resolved");
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(await receipts(event.eventId)).toBe(1);

    // A late redelivery of the same event changes nothing, and a resolved letter cannot be retried again.
    await deliverEvent(boss, orderPlaced, null, { reference: "A-1" }, { eventId: event.eventId });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await receipts(event.eventId)).toBe(1);
    expect(await retryDeadLetter(orm, boss, letter.id)).toBeInstanceOf(DeadLetterStateError);
  });

  it("opens the letter again when a retried event fails for good once more, counting every attempt", async () => {
    outage = "Still down";
    const event = await deliverEvent(boss, orderPlaced, null, { reference: "B-1" });
    const letter = await eventually(() => letterOf(event.eventId), "the dead letter");
    await retryDeadLetter(orm, boss, letter.id);
    const reopened = await eventually(async () => {
      const current = await letterOf(event.eventId);
      return current?.status === "open" && current.attempts === 6 && current;
    }, "the letter to open again");
    expect(reopened.id).toBe(letter.id);
    expect(reopened.retriedAt).toBeInstanceOf(Date);
    outage = null;
  });

  it("dead-letters a payload that breaks the contract at once, without running the handler", async () => {
    const eventId = randomUUID();
    await boss.publish(orderPlaced.name, {
      eventId,
      type: orderPlaced.name,
      businessId: null,
      occurredAt: new Date().toISOString(),
      payload: { ref: "C-1" },
    });
    const letter = await eventually(() => letterOf(eventId), "the dead letter");
    expect(letter.attempts).toBe(1);
    expect(letter.error).toContain("reference: Required");
    expect(letter.payload).toEqual({ ref: "C-1" });
    expect(handled).not.toContain(eventId);
    expect(hooked.find((entry) => entry.letter.id === letter.id)).toMatchObject({ event: null });
  });

  it("lets an operator discard a letter, which then stays listed as discarded", async () => {
    outage = "Nobody will ever fix this";
    const event = await deliverEvent(boss, orderPlaced, null, { reference: "D-1" });
    const letter = await eventually(() => letterOf(event.eventId), "the dead letter");
    outage = null;
    expect(await discardDeadLetter(orm, letter.id)).toMatchObject({ status: "discarded", discardedAt: expect.any(Date) });
    expect(await retryDeadLetter(orm, boss, letter.id)).toBeInstanceOf(DeadLetterStateError);
    const discarded = await listDeadLetters(forkFor(orm, null), { consumer: consumer.name, status: "discarded" });
    expect(discarded.edges.map((edge) => edge.node.id)).toEqual([letter.id]);
  });

  it("pages through letters newest first, each once", async () => {
    const all = await listDeadLetters(forkFor(orm, null), { consumer: consumer.name, first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await listDeadLetters(forkFor(orm, null), { consumer: consumer.name, first: 1, after });
      seen.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((edge) => edge.node.id));
    expect(all.totalCount).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(4);
  });
});
