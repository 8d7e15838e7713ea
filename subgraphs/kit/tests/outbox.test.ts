import { Entity, PrimaryKey, Property, type MikroORM } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  consumeEvents,
  eventTablesSql,
  forkFor,
  migrateSubgraph,
  openOrm,
  OutboxEvent,
  ProcessedEvent,
  recordEvent,
  relayOutbox,
  sql,
  startJobs,
  type SubgraphDefinition,
} from "../src/index.js";

const SCHEMA = "kit_outbox_spec";

@Entity({ tableName: "order_placed" })
class OrderPlaced {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" }) id!: string;
  @Property({ type: "text" }) reference!: string;
}

class CreateTables extends Migration {
  async up() {
    this.addSql(`create table "${SCHEMA}"."order_placed" (id uuid primary key default gen_random_uuid(), reference text not null)`);
    this.addSql(`create table "${SCHEMA}"."receipt" (reference text not null, event_id uuid not null)`);
    for (const statement of eventTablesSql(SCHEMA)) this.addSql(statement);
  }
}

const definition = {
  name: "outbox-spec",
  schema: SCHEMA,
  entities: [OrderPlaced, OutboxEvent, ProcessedEvent],
  migrations: [{ name: "CreateTables", class: CreateTables }],
} as unknown as SubgraphDefinition;

describe("transactional outbox", () => {
  let orm: MikroORM;
  let boss: PgBoss;
  const eventType = `spec.order_placed.${Date.now()}`;

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl" as never) as string;
    orm = await openOrm(definition, databaseUrl);
    await migrateSubgraph(definition, orm, databaseUrl);
    boss = await startJobs(databaseUrl);
    // The consumer writes a receipt row per handled event, in the same transaction as its marker.
    await consumeEvents<{ reference: string }>(boss, orm, SCHEMA, "receipts", eventType, async (event, em) => {
      await sql(em, `insert into "${SCHEMA}"."receipt" (reference, event_id) values (?, ?)`, [event.payload.reference, event.eventId]);
    });
  });
  afterAll(async () => {
    await boss?.stop({ graceful: false, wait: true });
    await orm?.close();
  });

  const receiptsFor = async (reference: string) =>
    (await sql<{ count: string }>(forkFor(orm, null), `select count(*) from "${SCHEMA}"."receipt" where reference = ?`, [reference]))[0]
      .count;

  async function waitForReceipt(reference: string) {
    for (let i = 0; i < 100 && (await receiptsFor(reference)) === "0"; i++) await new Promise((r) => setTimeout(r, 100));
  }

  it("writes the event with the change, or neither", async () => {
    await expect(
      forkFor(orm, null).transactional(async (em) => {
        em.persist(Object.assign(new OrderPlaced(), { reference: "rolled-back" }));
        recordEvent(em, eventType, null, { reference: "rolled-back" });
        await em.flush();
        throw new Error("crash inside the transaction");
      }),
    ).rejects.toThrow("crash inside the transaction");
    const events = await sql(forkFor(orm, null), `select 1 from "${SCHEMA}"."outbox_event" where payload->>'reference' = 'rolled-back'`);
    expect(events).toHaveLength(0);
  });

  it("delivers an event committed before a crash, once, even when it is published twice", async () => {
    // Commit the change and its event, then "crash": no relay ran in this process.
    await forkFor(orm, null).transactional(async (em) => {
      em.persist(Object.assign(new OrderPlaced(), { reference: "A-100" }));
      recordEvent(em, eventType, null, { reference: "A-100" });
    });
    const pending = await sql(
      forkFor(orm, null),
      `select id from "${SCHEMA}"."outbox_event" where published_at is null and payload->>'reference' = 'A-100'`,
    );
    expect(pending).toHaveLength(1);

    // After restart the relay finds it and delivers it.
    expect(await relayOutbox(orm, boss, SCHEMA)).toBeGreaterThanOrEqual(1);
    await waitForReceipt("A-100");
    expect(await receiptsFor("A-100")).toBe("1");

    // A crash between publishing and marking it published makes the relay send it again…
    await sql(forkFor(orm, null), `update "${SCHEMA}"."outbox_event" set published_at = null where payload->>'reference' = 'A-100'`);
    expect(await relayOutbox(orm, boss, SCHEMA)).toBeGreaterThanOrEqual(1);
    const queue = `receipts__${eventType}`.replace(/[^A-Za-z0-9_.-]/g, "_");
    for (let i = 0; i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const handledTwice = await sql<{ count: string }>(
        forkFor(orm, null),
        `select count(*) from pgboss.job where name = ? and state = 'completed'`,
        [queue],
      );
      if (handledTwice[0].count === "2") break;
    }
    const completed = await sql<{ count: string }>(
      forkFor(orm, null),
      `select count(*) from pgboss.job where name = ? and state = 'completed'`,
      [queue],
    );
    expect(completed[0].count).toBe("2"); // the duplicate really reached the consumer
    // …and the consumer recognises the event id and does not handle it twice.
    expect(await receiptsFor("A-100")).toBe("1");
  });
});
