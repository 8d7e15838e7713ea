import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  buildFederatedSchema,
  callSubgraph,
  consumeEvents,
  eventTablesSql,
  forkFor,
  makeCaller,
  OutboxEvent,
  preparedStatement,
  ProcessedEvent,
  recordEvent,
  runPrepared,
  runSubgraph,
  sql,
  testRuntime,
  UserError,
  type LiveMessage,
  type RunningSubgraphProcess,
  type SubgraphContext,
  type SubgraphDefinition,
} from "../src/index.js";

/**
 * What a PostgreSQL restart looks like to a running subgraph: every connection it holds is cut
 * (pool, job queue, LISTEN) and for a while new ones are refused. Afterwards the subgraph must answer
 * again, deliver events recorded after the restart and never have crashed on the way.
 */
const SCHEMA = "kit_restart_spec";
const EVENT = "spec.note_written";

const NOTE_TEXTS = preparedStatement("kit_restart_note_texts", `select text from "${SCHEMA}"."note" order by text`);

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
    this.addSql(`create table "${SCHEMA}"."receipt" (text text not null)`);
    for (const statement of eventTablesSql(SCHEMA)) this.addSql(statement);
  }
}

const definition: SubgraphDefinition = {
  name: "restart-spec",
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
      @Query(() => [String], { description: "The notes' texts, read as a prepared statement (the pipelined read connection)." })
      async noteTexts(@Ctx() ctx: SubgraphContext): Promise<string[]> {
        return (await runPrepared<{ text: string }>(ctx.em, NOTE_TEXTS, [])).map((row) => row.text);
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
    await consumeEvents<{ text: string }>(boss, orm, SCHEMA, "receipts", EVENT, async (event, em) => {
      await sql(em, `insert into "${SCHEMA}"."receipt" (text) values (?)`, [event.payload.text]);
    });
  },
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` until it returns something other than undefined, a bounded number of times. */
async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, tries = 150): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < tries; i++) {
    try {
      const result = await attempt();
      if (result !== undefined) return result;
    } catch (error) {
      lastError = error;
    }
    await pause(200);
  }
  throw new Error(`${what} never happened${lastError ? `: ${String(lastError)}` : ""}`);
}

describe("a subgraph rides out a database restart", () => {
  const serverUrl = new URL(inject("databaseUrl" as never) as string);
  // A database of its own: cutting every connection to the shared test database would hit the other
  // test files running at the same time.
  const databaseName = `${serverUrl.pathname.slice(1)}_restart`;
  const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${databaseName}` }).toString();
  const adminUrl = Object.assign(new URL(serverUrl), { pathname: "/postgres" }).toString();
  let subgraph: RunningSubgraphProcess;
  const crashes: unknown[] = [];
  const recordCrash = (error: unknown) => crashes.push(error);

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
    subgraph = await runSubgraph(definition, testRuntime(databaseUrl));
    // Any error that nobody handles would end a real subgraph process.
    process.on("uncaughtException", recordCrash);
    process.on("unhandledRejection", recordCrash);
  });
  afterAll(async () => {
    process.off("uncaughtException", recordCrash);
    process.off("unhandledRejection", recordCrash);
    await admin(`alter database "${databaseName}" allow_connections true`).catch(() => undefined);
    await subgraph?.stop();
    await admin(`drop database if exists "${databaseName}" with (force)`);
  });

  const caller = makeCaller({ actor: { kind: "staff", id: "s1" } });
  const writeNote = (text: string) =>
    callSubgraph(subgraph.url, caller, `mutation($text: String!) { writeNote(text: $text) { text } }`, { text });
  const receipts = async (text: string) =>
    Number(
      (await sql<{ count: string }>(forkFor(subgraph.orm, null), `select count(*) from "${SCHEMA}"."receipt" where text = ?`, [text]))[0]
        .count,
    );
  const receiptArrives = (text: string) =>
    eventually(`a receipt for "${text}"`, async () => ((await receipts(text)) > 0 ? true : undefined));

  it("answers queries, delivers events and live updates again, without crashing", async () => {
    let liveReconnects = 0;
    subgraph.live.onReconnected(() => liveReconnects++);
    // Before: every connection is in use (pool, job workers, LISTEN), so each one gets cut below.
    expect((await writeNote("before")).errors).toBeUndefined();
    await receiptArrives("before");
    expect((await callSubgraph(subgraph.url, caller, `{ noteTexts }`)).data).toEqual({ noteTexts: ["before"] });

    // The restart: connections refused for a while, every existing one terminated.
    await admin(`alter database "${databaseName}" allow_connections false`);
    const terminated = await admin(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${databaseName}' and pid <> pg_backend_pid()`,
    );
    expect(terminated.rowCount).toBeGreaterThan(0);
    const refused = await callSubgraph(subgraph.url, caller, `{ noteCount }`);
    expect(refused.errors).toBeDefined(); // it really was down
    expect((await callSubgraph(subgraph.url, caller, `{ noteTexts }`)).errors).toBeDefined();
    await pause(2500); // long enough for every reconnection attempt to fail at least once
    await admin(`alter database "${databaseName}" allow_connections true`);

    // Queries answer again.
    const count = await eventually("a query answering", async () => {
      const response = await callSubgraph<{ noteCount: number }>(subgraph.url, caller, `{ noteCount }`);
      return response.errors ? undefined : response.data!.noteCount;
    });
    expect(count).toBe(1);
    const texts = await eventually("a prepared read answering", async () => {
      const response = await callSubgraph<{ noteTexts: string[] }>(subgraph.url, caller, `{ noteTexts }`);
      return response.errors ? undefined : response.data!.noteTexts;
    });
    expect(texts).toEqual(["before"]);

    // An event recorded after the restart reaches its consumer (outbox relay → pg-boss → worker).
    await eventually("a note written", async () => ((await writeNote("after")).errors ? undefined : true));
    await receiptArrives("after");

    // Live updates (LISTEN/NOTIFY) flow again: a notification sent now reaches the bus's listeners.
    const heard: LiveMessage[] = [];
    const off = subgraph.live.on((message) => heard.push(message));
    await eventually(
      "a live update heard",
      async () => {
        await sql(forkFor(subgraph.orm, null), `select pg_notify('portal_live', ?)`, [
          JSON.stringify({ topic: "spec.ping", businessId: null, data: {} }),
        ]);
        await pause(100);
        return heard.some((message) => message.topic === "spec.ping") ? true : undefined;
      },
      50,
    );
    off();
    expect(liveReconnects).toBe(1); // listeners that cache learn that they may have missed updates

    expect(crashes).toEqual([]);
  });
});
