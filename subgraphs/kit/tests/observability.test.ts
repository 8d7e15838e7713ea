import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import pg from "pg";
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  buildFederatedSchema,
  configureLogging,
  consumeEvents,
  eventTablesSql,
  makeCaller,
  OutboxEvent,
  PermanentEventFailure,
  ProcessedEvent,
  recordEvent,
  runSubgraph,
  signedFetch,
  testRuntime,
  UserError,
  type RunningSubgraphProcess,
  type SubgraphContext,
  type SubgraphDefinition,
} from "../src/index.js";

/**
 * What an operator sees of a subgraph: /healthz and /readyz for the orchestrator's probes, /metrics
 * for Prometheus, and JSON log lines that carry the gateway's request id.
 */
const SCHEMA = "kit_observe_spec";
const EVENT = "spec.observed_note";
const CONSUMER = "observe-receipts";

@Entity({ tableName: "note" })
class Note {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" }) id!: string;
  @Property({ type: "text" }) text!: string;
}

@ObjectType({ description: "A note." })
class NoteView {
  @Field(() => ID, { description: "id" }) id!: string;
  @Field(() => String, { description: "text" }) text!: string;
}

class InitialMigration extends Migration {
  async up() {
    this.addSql(`create table "${SCHEMA}"."note" (id uuid primary key default gen_random_uuid(), text text not null)`);
    for (const statement of eventTablesSql(SCHEMA)) this.addSql(statement);
  }
}

const definition: SubgraphDefinition = {
  name: "observe-spec",
  schema: SCHEMA,
  entities: [Note, OutboxEvent, ProcessedEvent],
  migrations: [{ name: "InitialMigration", class: InitialMigration }],
  async buildSchema() {
    @Resolver()
    class NoteResolver {
      @Query(() => Number, { description: "How many notes there are." })
      async noteCount(@Ctx() ctx: SubgraphContext): Promise<number> {
        return ctx.em.count(Note, {});
      }
      @Query(() => Number, { description: "Fails the way a bug does.", nullable: true })
      async broken(): Promise<number> {
        throw new Error("the spec's own bug");
      }
      @Mutation(() => NoteView, { description: "Writes a note and announces it as an event." })
      async writeNote(@Arg("text", () => String) text: string, @Ctx() ctx: SubgraphContext): Promise<NoteView> {
        const note = ctx.em.create(Note, { text });
        await ctx.em.transactional(async (em) => {
          em.persist(note);
          recordEvent(em, EVENT, null, { text });
        });
        return Object.assign(new NoteView(), { id: note.id, text });
      }
    }
    return buildFederatedSchema({ resolvers: [NoteResolver], orphanedTypes: [UserError] });
  },
  async startWorkers({ boss, orm }) {
    await consumeEvents<{ text: string }>(boss, orm, SCHEMA, CONSUMER, EVENT, async (event) => {
      if (event.payload.text === "poison") throw new PermanentEventFailure("a note nobody can handle");
    });
  },
};

describe("a subgraph's health, metrics and logs", () => {
  const serverUrl = new URL(inject("databaseUrl" as never) as string);
  // A database of its own: refusing connections to the shared test database would hit other test files.
  const databaseName = `${serverUrl.pathname.slice(1)}_observe`;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();
  const adminUrl = Object.assign(new URL(serverUrl), { pathname: "/postgres" }).toString();
  const logLines: Record<string, unknown>[] = [];
  let subgraph: RunningSubgraphProcess;
  let base: string;

  async function admin(statement: string): Promise<pg.QueryResult> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(`drop database if exists "${databaseName}" with (force)`);
    await admin(`create database "${databaseName}"`);
    configureLogging({ json: true, level: "debug", destination: { write: (line: string) => void logLines.push(JSON.parse(line)) } });
    subgraph = await runSubgraph(definition, testRuntime(databaseUrl));
    base = new URL(subgraph.url).origin;
  });
  afterAll(async () => {
    configureLogging({});
    await admin(`alter database "${databaseName}" allow_connections true`).catch(() => undefined);
    await subgraph?.stop();
    await admin(`drop database if exists "${databaseName}" with (force)`);
  });

  const caller = makeCaller({ actor: { kind: "staff", id: "s1" } });
  const graphql = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    signedFetch(subgraph.url, caller, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }).then((response) => response.json() as Promise<{ data?: Record<string, unknown>; errors?: unknown[] }>);

  it("answers /healthz, and /readyz once its database answers (the older /health too)", async () => {
    const live = await fetch(`${base}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok", service: "observe-spec" });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", service: "observe-spec" });
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true, subgraph: "observe-spec" });
  });

  it("counts each GraphQL request by operation name and outcome, with its latency, at /metrics", async () => {
    const before = await metrics();
    expect((await graphql({ query: "query CountNotes { noteCount }", operationName: "CountNotes" })).errors).toBeUndefined();
    expect((await graphql({ query: "query CountNotes { noteCount }", operationName: "CountNotes" })).errors).toBeUndefined();
    expect((await graphql({ query: "query Broken { broken }", operationName: "Broken" })).errors).toHaveLength(1);
    const after = await metrics();
    const ok = { service: "observe-spec", operation: "CountNotes", outcome: "ok" };
    expect(sample(after, "portal_graphql_requests_total", ok) - sample(before, "portal_graphql_requests_total", ok)).toBe(2);
    expect(sample(after, "portal_graphql_requests_total", { service: "observe-spec", operation: "Broken", outcome: "error" })).toBe(1);
    expect(
      sample(after, "portal_graphql_request_duration_seconds_count", { service: "observe-spec", operation: "CountNotes" }),
    ).toBeGreaterThanOrEqual(2);
    // Node's own metrics come along.
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it("logs a resolver's unexpected error as a JSON line carrying the gateway's request id", async () => {
    const requestId = "spec-request-0001";
    await graphql({ query: "query Broken { broken }", operationName: "Broken" }, { "x-request-id": requestId });
    const line = logLines.find((entry) => entry.requestId === requestId && entry.level === "error");
    expect(line).toMatchObject({ service: "observe-spec", operation: "Broken", path: "broken", msg: "a resolver failed" });
    expect((line?.err as { message?: string } | undefined)?.message).toBe("the spec's own bug");
    // Each request's own line is at debug level, with the same id.
    expect(logLines.find((entry) => entry.requestId === requestId && entry.msg === "graphql request")).toMatchObject({
      level: "debug",
      status: 200,
      operation: "Broken",
    });
  });

  it("measures event lag for each handled event and counts dead letters", async () => {
    await graphql({ query: `mutation { writeNote(text: "fine") { id } }` });
    await graphql({ query: `mutation { writeNote(text: "poison") { id } }` });
    const labels = { consumer: CONSUMER, event: EVENT };
    const text = await eventually("the event handled and the poison kept as a dead letter", async () => {
      const current = await metrics();
      return sample(current, "portal_event_lag_seconds_count", labels) >= 1 && sample(current, "portal_dead_letters_total", labels) >= 1
        ? current
        : undefined;
    });
    expect(sample(text, "portal_dead_letters_total", labels)).toBe(1);
    expect(sample(text, "portal_event_lag_seconds_count", labels)).toBe(1);
    expect(logLines.find((entry) => entry.component === CONSUMER && entry.level === "error")).toMatchObject({ event: EVENT, attempts: 1 });
  });

  it("answers /readyz 503 with the reason while its database refuses connections, and 200 once it is back", async () => {
    await admin(`alter database "${databaseName}" allow_connections false`);
    await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName}' and pid <> pg_backend_pid()`);
    const down = await eventually("readiness failing", async () => {
      const response = await fetch(`${base}/readyz`);
      return response.status === 503 ? ((await response.json()) as Record<string, unknown>) : undefined;
    });
    expect(down).toMatchObject({ status: "not ready", service: "observe-spec" });
    expect(down.reason).toMatch(/^database/);
    // Alive all the while: an orchestrator must not restart it for its database's outage.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    await admin(`alter database "${databaseName}" allow_connections true`);
    await eventually("readiness again", async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined));
  });

  async function metrics(): Promise<string> {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    return response.text();
  }
});

/** A sample's value in Prometheus' text format (0 when absent), found by its name and labels. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const [, inner, value] = /^[^{]+\{(.*)\} (\S+)$/.exec(line) ?? [];
    const pairs = Object.fromEntries([...(inner ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, val]) => [key, val]));
    if (Object.entries(labels).every(([key, val]) => pairs[key] === val)) return Number(value);
  }
  return 0;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const result = await attempt().catch(() => undefined);
    if (result !== undefined) return result;
    await pause(200);
  }
  throw new Error(`${what} never happened`);
}
