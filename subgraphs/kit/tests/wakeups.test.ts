import type { MikroORM } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  consumeEvents,
  consumerQueue,
  ensureQueue,
  eventTablesSql,
  forkFor,
  installJobAnnouncements,
  installOutboxAnnouncements,
  jobDbFor,
  JOBS_CHANNEL,
  LiveBus,
  migrateSubgraph,
  openOrm,
  OutboxEvent,
  ProcessedEvent,
  recordEvent,
  sql,
  startJobs,
  startOutboxRelay,
  wakeupsOf,
  workQueue,
  type SubgraphDefinition,
} from "../src/index.js";

/**
 * The relay and the workers are woken by PostgreSQL (a trigger's NOTIFY on commit) rather than by
 * polling: here they are given a one-minute polling interval, so anything handled within seconds
 * was handled because it was announced.
 */
const SCHEMA = "kit_wakeups_spec";
const SLOW_POLL_SECONDS = 60;

class CreateTables extends Migration {
  async up() {
    for (const statement of eventTablesSql(SCHEMA)) this.addSql(statement);
  }
}

const definition = {
  name: "wakeups-spec",
  schema: SCHEMA,
  entities: [OutboxEvent, ProcessedEvent],
  migrations: [{ name: "CreateTables", class: CreateTables }],
} as unknown as SubgraphDefinition;

const run = Date.now();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function within<T>(ms: number, what: string, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await pause(20);
  }
}

describe("wake-ups instead of polling", () => {
  let orm: MikroORM;
  let bus: LiveBus;
  let boss: PgBoss;
  let relay: { stop: () => Promise<void> };
  const eventType = `spec.wakeup.${run}`;
  const queue = `wakeups-spec-${run}`;
  /** When each job's attempts began, by its `name` field. */
  const attempts = new Map<string, number[]>();
  const failFirst = new Set<string>();
  let fetches = 0;

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl" as never) as string;
    orm = await openOrm(definition, databaseUrl);
    await migrateSubgraph(definition, orm, databaseUrl);
    bus = new LiveBus(databaseUrl);
    await bus.start();
    boss = await startJobs(databaseUrl, 4, bus);
    // Count the workers' fetches: pg-boss runs them through its db object.
    const db = boss.getDb() as { executeSql: (text: string, values?: unknown[]) => Promise<unknown> };
    const executeSql = db.executeSql.bind(db);
    db.executeSql = (text, values) => {
      if (/FOR UPDATE SKIP LOCKED/.test(text) && values?.[0] === consumerQueue("idle-spec", `${eventType}.idle`)) fetches++;
      return executeSql(text, values);
    };

    await ensureQueue(boss, queue, { retryLimit: 2, retryDelay: 1, retryBackoff: false });
    await boss.subscribe(eventType, queue);
    await workQueue<{ name?: string; payload?: { name: string } }>(
      boss,
      queue,
      { batchSize: 1, pollingIntervalSeconds: SLOW_POLL_SECONDS, includeMetadata: true },
      async ([job]) => {
        const name = job.data.name ?? job.data.payload!.name;
        attempts.set(name, [...(attempts.get(name) ?? []), Date.now()]);
        if (failFirst.delete(name)) throw new Error("fails once");
      },
    );
    relay = startOutboxRelay(orm, boss, SCHEMA, SLOW_POLL_SECONDS * 1000);
  });
  afterAll(async () => {
    await relay?.stop();
    await boss?.stop({ graceful: false, wait: true });
    await bus?.stop();
    await orm?.close();
  });

  const firstAttempt = (name: string) => within(4000, `handling ${name}`, () => attempts.get(name)?.[0]);

  async function recordAt(name: string): Promise<number> {
    await forkFor(orm, null).transactional(async (em) => {
      recordEvent(em, eventType, null, { name });
    });
    return Date.now();
  }

  it("relays an event as soon as it is committed and its consumer handles it at once", async () => {
    await within(4000, "the outbox's trigger", async () => ((await outboxTriggers()) === 1 ? true : undefined));
    for (const name of ["first", "second", "third"]) {
      const committed = await recordAt(name);
      expect((await firstAttempt(name)) - committed).toBeLessThan(2000);
    }
  });

  it("wakes a worker when a job is sent on commit of the transaction that sent it, not before", async () => {
    let committedAt = 0;
    await forkFor(orm, null).transactional(async (em) => {
      await boss.send(queue, { name: "in-transaction" }, { db: jobDbFor(em) });
      await pause(300);
      expect(attempts.has("in-transaction")).toBe(false);
      committedAt = Date.now();
    });
    expect((await firstAttempt("in-transaction")) - committedAt).toBeLessThan(2000);
  });

  it("works a retry when it falls due", async () => {
    failFirst.add("retried");
    await boss.send(queue, { name: "retried" });
    const [first, second] = await within(6000, "the retry", () => {
      const times = attempts.get("retried");
      return times && times.length >= 2 ? times : undefined;
    });
    expect(second! - first!).toBeGreaterThanOrEqual(900); // the queue's retry delay is 1 s
    expect(second! - first!).toBeLessThan(3000);
  });

  it("wakes the relay and the workers once the LISTEN connection is back, for what was announced meanwhile", async () => {
    const heard = new Promise<void>((resolve) => {
      const off = bus.onReconnected(() => {
        off();
        resolve();
      });
    });
    const listener = (bus as unknown as { client: { processID: number } }).client.processID;
    await sql(forkFor(orm, null), "select pg_terminate_backend(?)", [listener]);
    const committed = await recordAt("while-deaf"); // announced to nobody
    await heard;
    expect((await firstAttempt("while-deaf")) - committed).toBeLessThan(4000);
  });

  it("leaves an idle worker alone, even one that asks to poll every 0.5 s", async () => {
    fetches = 0;
    await consumeEvents(boss, orm, SCHEMA, "idle-spec", `${eventType}.idle`, async () => undefined);
    await within(2000, "the worker's first look", () => (fetches > 0 ? true : undefined));
    fetches = 0;
    await pause(2500);
    expect(fetches).toBe(0);
  });

  it("finds a job nobody announced with one query for all of the process's queues, every few seconds", async () => {
    const announced: string[] = [];
    const off = await bus.listen(JOBS_CHANNEL, (payload) => announced.push(payload));
    await forkFor(orm, null).transactional(async (em) => {
      await sql(em, "set local session_replication_role = replica"); // triggers don't fire
      await boss.send(queue, { name: "unannounced" }, { db: jobDbFor(em) });
    });
    await pause(300);
    off();
    expect(announced.filter((payload) => payload.includes(queue))).toEqual([]);
    await wakeupsOf(boss)!.sweep(); // as it runs every FALLBACK_POLL_MS
    await within(2000, "handling the unannounced job", () => attempts.get("unannounced"));
  });

  it("installs the announcements once, however many processes start together", async () => {
    await sql(forkFor(orm, null), `drop function "${SCHEMA}"."portal_announce_outbox"() cascade`);
    expect(await outboxTriggers()).toBe(0);
    await Promise.all([
      installJobAnnouncements(boss, "pgboss"),
      installJobAnnouncements(boss, "pgboss"),
      installOutboxAnnouncements(orm, SCHEMA),
      installOutboxAnnouncements(orm, SCHEMA),
      installOutboxAnnouncements(orm, SCHEMA),
    ]);
    const triggers = await sql<{ name: string }>(
      forkFor(orm, null),
      `select tgrelid::regclass::text as name from pg_trigger where tgname like 'portal_announce_%' and tgrelid in (to_regclass('pgboss.job'), to_regclass(?))`,
      [`${SCHEMA}.outbox_event`],
    );
    expect(triggers.map((trigger) => trigger.name).sort()).toEqual([`${SCHEMA}.outbox_event`, "pgboss.job"]);
  });

  async function outboxTriggers(): Promise<number> {
    const [row] = await sql<{ count: string }>(forkFor(orm, null), `select count(*) from pg_trigger where tgrelid = to_regclass(?)`, [
      `${SCHEMA}.outbox_event`,
    ]);
    return Number(row!.count);
  }
});
