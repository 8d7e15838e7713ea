import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { createUnionType, Field, ID, ObjectType, Query, Resolver, Ctx, Mutation, Arg, Subscription, Root } from "type-graphql";
import { createClient } from "graphql-ws";
import { connect, type Socket } from "node:net";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import {
  announce,
  buildFederatedSchema,
  eventTablesSql,
  forkFor,
  requestTarget,
  runSubgraph,
  signCaller,
  signSocketCaller,
  ValidationError,
  UserError,
  type Caller,
  type RunningSubgraphProcess,
  type SubgraphContext,
  type SubgraphDefinition,
  type LiveMessage,
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
          subscribe: () =>
            mapIterator(
              deps.live.subscribe<{ id: string; text: string }>((m) => m.topic === "note.added"),
              (m) => m.data,
            ),
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

const caller = (): Caller => ({
  businessId: null,
  actor: { kind: "staff", id: "s1" },
  ip: "127.0.0.1",
  userAgent: "test",
  issuedAt: Date.now(),
});

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

  const bodyOf = (query: string) => JSON.stringify({ query });
  const post = (url: string, query: string, headers: Record<string, string>) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: bodyOf(query) });
  /** Headers as the gateway signs them: for this POST of exactly this body, at `now`. */
  const signedFor = (url: string, query: string, secret = SECRET, now = Date.now()) =>
    signCaller(secret, caller(), { method: "POST", path: requestTarget(url), body: bodyOf(query) }, now);
  const signedPost = (url: string, query: string) => post(url, query, signedFor(url, query));

  it("answers a signed call with the signed caller", async () => {
    const response = await signedPost(first.url, "{ whoAmI }");
    expect(await response.json()).toEqual({ data: { whoAmI: "staff:s1" } });
  });

  it("refuses an unsigned or forged caller", async () => {
    expect((await post(first.url, "{ whoAmI }", {})).status).toBe(401);
    const forged = signedFor(first.url, "{ whoAmI }", "x".repeat(40));
    expect((await post(first.url, "{ whoAmI }", forged)).status).toBe(401);
  });

  it("refuses a captured signature replayed with another query, a future date or a stale one", async () => {
    const captured = signedFor(first.url, "{ whoAmI }");
    expect((await post(first.url, `mutation { addNote(text: "replayed") { __typename } }`, captured)).status).toBe(401);
    expect((await post(first.url, "{ whoAmI }", captured)).status).toBe(200);
    expect((await post(first.url, "{ whoAmI }", signedFor(first.url, "{ whoAmI }", SECRET, Date.now() + 60_000))).status).toBe(401);
    expect((await post(first.url, "{ whoAmI }", signedFor(first.url, "{ whoAmI }", SECRET, Date.now() - 60_000))).status).toBe(401);
    // Another path on the same subgraph is another request too.
    expect((await post(`${first.url}?x=1`, "{ whoAmI }", captured)).status).toBe(401);
  });

  it("opens a WebSocket only with connectionParams signed for a socket, not with an HTTP pair", async () => {
    const connects = async (connectionParams: Record<string, string>) => {
      const client = createClient({
        url: second.url.replace("http", "ws"),
        webSocketImpl: WebSocket,
        connectionParams,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
      });
      const opened = await new Promise<boolean>((resolve) => {
        client.on("connected", () => resolve(true));
        client.on("closed", () => resolve(false));
      });
      await client.dispose();
      return opened;
    };
    expect(await connects(signedFor(second.url, "{ whoAmI }"))).toBe(false);
    expect(await connects(signSocketCaller(SECRET, caller()))).toBe(true);
    // ...and a socket pair is no HTTP signature.
    expect((await post(first.url, "{ whoAmI }", signSocketCaller(SECRET, caller()))).status).toBe(401);
  });

  it("returns expected failures as data", async () => {
    const response = await signedPost(
      first.url,
      `mutation { addNote(text: " ") { __typename ... on UserError { message } ... on ValidationError { field } } }`,
    );
    expect(await response.json()).toEqual({
      data: { addNote: { __typename: "ValidationError", message: "Text is required", field: "text" } },
    });
  });

  it("delivers a live update made on one instance to a subscriber of the other", async () => {
    const client = createClient({
      url: second.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: signSocketCaller(SECRET, caller()),
    });
    const received = new Promise<unknown>((resolve, reject) => {
      const off = client.subscribe(
        { query: "subscription { noteAdded { text } }" },
        {
          next: (v) => {
            resolve(v);
            off();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await new Promise((r) => setTimeout(r, 300));
    await signedPost(first.url, `mutation { addNote(text: "hello") { __typename } }`);
    expect(await received).toEqual({ data: { noteAdded: { text: "hello" } } });
    await client.dispose();
  });

  it("keeps the tenant filter closed when no business is selected", async () => {
    expect(forkFor(first.orm, null)).toBeDefined();
  });
});

/** A signed `{ whoAmI }` POST written by hand on a raw socket, as a balancer's kept connection would carry it. */
function writeWhoAmI(socket: Socket, target: URL): void {
  const body = JSON.stringify({ query: "{ whoAmI }" });
  const headers = signCaller(SECRET, caller(), { method: "POST", path: target.pathname, body });
  socket.write(
    [
      `POST ${target.pathname} HTTP/1.1`,
      `host: ${target.host}`,
      "content-type: application/json",
      `content-length: ${Buffer.byteLength(body)}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      "",
      body,
    ].join("\r\n"),
  );
}

describe("stopping a subgraph server", () => {
  it("answers a request that arrives just after the stop on a connection opened just before it", async () => {
    const runtime = { databaseUrl: inject("databaseUrl" as never) as string, gatewaySecret: SECRET, port: 0, production: false };
    const instance = await runSubgraph(definition(), runtime);
    const target = new URL(instance.url);
    // A balancer's last request: its connection is accepted, then the instance is told to stop, then the request arrives.
    const socket = connect(Number(target.port), target.hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answer = new Promise<string>((resolve, reject) => {
      let text = "";
      socket.on("data", (chunk) => (text += chunk));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    const stopped = instance.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    writeWhoAmI(socket, target);
    const response = await answer;
    await stopped;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('{"data":{"whoAmI":"staff:s1"}}');
  });

  it("answers a request sent just after the stop on a connection kept alive from the request before, and closes it", async () => {
    const runtime = { databaseUrl: inject("databaseUrl" as never) as string, gatewaySecret: SECRET, port: 0, production: false };
    const instance = await runSubgraph(definition(), runtime);
    const target = new URL(instance.url);
    const socket = connect(Number(target.port), target.hostname);
    await new Promise((resolve) => socket.once("connect", resolve));
    let received = "";
    socket.on("data", (chunk) => (received += chunk));
    const closed = new Promise<void>((resolve, reject) => {
      socket.on("close", () => resolve());
      socket.on("error", reject);
    });
    const send = () => writeWhoAmI(socket, target);
    // A balancer's connection: one request answered and kept alive, then the next sent as the instance stops.
    send();
    await vi.waitFor(() => expect(received).toContain("whoAmI"));
    const stopped = instance.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    send();
    await closed;
    await stopped;
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers).toHaveLength(2);
    expect(answers[1]).toMatch(/^HTTP\/1\.1 200/);
    expect(answers[1]!.toLowerCase()).toContain("connection: close");
    expect(answers[1]).toContain('{"data":{"whoAmI":"staff:s1"}}');
  });
});
