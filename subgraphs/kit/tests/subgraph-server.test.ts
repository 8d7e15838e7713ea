import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { createUnionType, Field, ID, ObjectType, Query, Resolver, Ctx, Mutation, Arg, Subscription, Root } from "type-graphql";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  announce, buildFederatedSchema, eventTablesSql, forkFor, runSubgraph, signCaller, ValidationError, UserError,
  type Caller, type RunningSubgraphProcess, type SubgraphContext, type SubgraphDefinition, type LiveMessage,
} from "../src/index.js";

const SECRET = "k".repeat(40);

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

const AddNoteResult = createUnionType({ name: "AddNoteResult", description: "result", types: () => [NoteView, ValidationError] as const });

class InitialMigration extends Migration {
  async up() {
    this.addSql(`create table "kit_spec"."note" (id uuid primary key default gen_random_uuid(), text text not null)`);
    for (const statement of eventTablesSql("kit_spec")) this.addSql(statement);
  }
}

function definition(): SubgraphDefinition {
  return {
    name: "kit-spec",
    schema: "kit_spec",
    entities: [Note],
    migrations: [{ name: "InitialMigration", class: InitialMigration }],
    async buildSchema(deps) {
      @Resolver()
      class NoteResolver {
        @Query(() => String, { description: "Who the gateway says is calling." })
        whoAmI(@Ctx() ctx: SubgraphContext): string {
          return `${ctx.caller.actor.kind}:${ctx.caller.actor.id}`;
        }
        @Mutation(() => AddNoteResult, { description: "Adds a note." })
        async addNote(@Arg("text", () => String) text: string, @Ctx() ctx: SubgraphContext): Promise<typeof AddNoteResult> {
          if (!text.trim()) return ValidationError.of("text", "Text is required");
          const note = ctx.em.create(Note, { text });
          await ctx.em.transactional(async (em) => {
            em.persist(note);
            await em.flush();
            await announce(em, { topic: "note.added", businessId: null, data: { id: note.id, text } });
          });
          return Object.assign(new NoteView(), note);
        }
        @Subscription(() => NoteView, {
          description: "Notes as they are added, from any instance.",
          subscribe: () => mapIterator(deps.live.subscribe<{ id: string; text: string }>((m) => m.topic === "note.added"), (m) => m.data),
        })
        noteAdded(@Root() note: NoteView): NoteView {
          return note;
        }
      }
      return buildFederatedSchema({ resolvers: [NoteResolver], orphanedTypes: [UserError] });
    },
  };
}

async function* mapIterator<T, R>(source: AsyncIterable<LiveMessage<T>>, map: (m: LiveMessage<T>) => R) {
  for await (const item of source) yield map(item);
}

const caller = (): Caller => ({ businessId: null, actor: { kind: "staff", id: "s1" }, ip: "127.0.0.1", userAgent: "test", origin: "http://localhost", issuedAt: Date.now() });

describe("subgraph server", () => {
  let first: RunningSubgraphProcess;
  let second: RunningSubgraphProcess;
  beforeAll(async () => {
    const runtime = { databaseUrl: inject("databaseUrl" as never) as string, gatewaySecret: SECRET, port: 0, production: false };
    first = await runSubgraph(definition(), runtime);
    second = await runSubgraph(definition(), runtime);
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
  });

  const post = (url: string, query: string, headers: Record<string, string>) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });

  it("answers a signed call with the signed caller", async () => {
    const response = await post(first.url, "{ whoAmI }", signCaller(SECRET, caller()));
    expect(await response.json()).toEqual({ data: { whoAmI: "staff:s1" } });
  });

  it("refuses an unsigned or forged caller", async () => {
    expect((await post(first.url, "{ whoAmI }", {})).status).toBe(401);
    const forged = signCaller("x".repeat(40), caller());
    expect((await post(first.url, "{ whoAmI }", forged)).status).toBe(401);
  });

  it("returns expected failures as data", async () => {
    const response = await post(first.url, `mutation { addNote(text: " ") { __typename ... on UserError { message } ... on ValidationError { field } } }`, signCaller(SECRET, caller()));
    expect(await response.json()).toEqual({ data: { addNote: { __typename: "ValidationError", message: "Text is required", field: "text" } } });
  });

  it("delivers a live update made on one instance to a subscriber of the other", async () => {
    const client = createClient({ url: second.url.replace("http", "ws"), webSocketImpl: WebSocket, connectionParams: signCaller(SECRET, caller()) });
    const received = new Promise<unknown>((resolve, reject) => {
      const off = client.subscribe({ query: "subscription { noteAdded { text } }" }, { next: (v) => { resolve(v); off(); }, error: reject, complete: () => undefined });
    });
    await new Promise((r) => setTimeout(r, 300));
    await post(first.url, `mutation { addNote(text: "hello") { __typename } }`, signCaller(SECRET, caller()));
    expect(await received).toEqual({ data: { noteAdded: { text: "hello" } } });
    await client.dispose();
  });

  it("keeps the tenant filter closed when no business is selected", async () => {
    expect(forkFor(first.orm, null)).toBeDefined();
  });
});
