import { Entity, PrimaryKey } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { createClient } from "graphql-ws";
import { Arg, Ctx, Field, ObjectType, Query, Resolver, Root, Subscription } from "type-graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import {
  buildFederatedSchema,
  eventTablesSql,
  LIVE_CHANNEL,
  liveRelayCaller,
  runSubgraph,
  signSocketCaller,
  signSubscriptionCaller,
  type Caller,
  type CallerClaims,
  type LiveMessage,
  type RunningSubgraphProcess,
  type SubgraphContext,
  type SubgraphDefinition,
} from "../src/index.js";
import pg from "pg";

const SECRET = "s".repeat(40);
const BUSINESS = "7c6f3f0e-5f53-4a4e-9b55-0a9a4f0d1c11";

@ObjectType({ description: "What one subscriber was sent about a change." })
class Seen {
  @Field(() => String, { description: "The change." }) text!: string;
  @Field(() => String, { description: "Whose context executed the answer." }) executedFor!: string;
}

/** The ORM wants one entity; this subgraph keeps nothing else. */
@Entity({ tableName: "marker" })
class Marker {
  @PrimaryKey({ type: "uuid" }) id!: string;
}

class InitialMigration extends Migration {
  async up() {
    this.addSql(`create table "kit_sharing"."marker" (id uuid primary key)`);
    for (const statement of eventTablesSql("kit_sharing")) this.addSql(statement);
  }
}

/** How many times each field's answer was executed. */
const executions = { shared: 0, unshared: 0 };

function definition(): SubgraphDefinition {
  return {
    name: "kit-sharing",
    schema: "kit_sharing",
    entities: [Marker],
    migrations: [{ name: "InitialMigration", class: InitialMigration }],
    async buildSchema(deps) {
      const sameBusiness = (caller: Caller) => (m: LiveMessage) => m.topic === "change" && m.businessId === caller.businessId;
      const audienceOf = (caller: Caller) => (caller.actor.kind === "contact" ? `contact:${caller.actor.id}` : "staff");
      const ended = (caller: Caller) => (m: LiveMessage) => m.topic === "removed" && m.data.id === caller.actor.id;
      const seen = (message: LiveMessage, ctx: SubgraphContext) =>
        Object.assign(new Seen(), { text: String(message.data.text), executedFor: String(ctx.caller.actor.id) });

      @Resolver()
      class SharingResolver {
        @Query(() => String, { description: "Required root query." })
        ping(): string {
          return "pong";
        }
        @Subscription(() => Seen, {
          description: "Changes, answered once per audience.",
          subscribe: ({ context }) => {
            const { caller } = context as SubgraphContext;
            return deps.live.subscribe(sameBusiness(caller), { audience: audienceOf(caller), endWhen: ended(caller) });
          },
        })
        shared(
          @Root() message: LiveMessage,
          @Arg("tag", () => String, { description: "Any tag." }) _tag: string,
          @Ctx() ctx: SubgraphContext,
        ): Seen {
          executions.shared++;
          return seen(message, ctx);
        }
        @Subscription(() => Seen, {
          description: "Changes, answered per subscriber.",
          subscribe: ({ context }) => deps.live.subscribe(sameBusiness((context as SubgraphContext).caller)),
        })
        unshared(@Root() message: LiveMessage, @Ctx() ctx: SubgraphContext): Seen {
          executions.unshared++;
          return seen(message, ctx);
        }
      }
      return buildFederatedSchema({ resolvers: [SharingResolver] });
    },
  };
}

const callerOf = (kind: "staff" | "contact", id: string, businessId = BUSINESS): CallerClaims => ({
  businessId,
  actor: { kind, id },
  ip: "127.0.0.1",
  userAgent: "test",
});

/** The gateway's end of the relay, spoken by hand: frames in, frames out. */
class RelaySocket {
  readonly frames: { type: string; id?: string; ids?: string[]; payload?: any; errors?: { message: string }[] }[] = [];
  private waiters: (() => void)[] = [];
  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      this.frames.push(JSON.parse(String(data)));
      for (const wake of this.waiters.splice(0)) wake();
    });
  }
  static async open(url: string, headers: Record<string, string>): Promise<RelaySocket | number> {
    const socket = new WebSocket(url.replace("http", "ws").replace("/graphql", "/live-relay"), { headers });
    return new Promise((resolve) => {
      socket.once("open", () => resolve(new RelaySocket(socket)));
      socket.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      socket.once("error", () => resolve(0));
    });
  }
  subscribe(id: string, query: string, signed?: { caller: string; signature: string }) {
    this.socket.send(JSON.stringify({ type: "subscribe", id, query, ...signed }));
  }
  complete(id: string) {
    this.socket.send(JSON.stringify({ type: "complete", id }));
  }
  /** Waits until a frame matching `test` has arrived, and returns it. */
  async until(test: (frame: RelaySocket["frames"][number]) => boolean) {
    for (;;) {
      const found = this.frames.find(test);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  nextFrames() {
    return this.frames.filter((frame) => frame.type === "next");
  }
}

describe("live subscriptions through the gateway's relay socket", () => {
  let subgraph: RunningSubgraphProcess;
  let db: pg.Client;
  let relay: RelaySocket;
  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl" as never) as string;
    subgraph = await runSubgraph(definition(), { databaseUrl, gatewaySecret: SECRET, port: 0, production: false });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await subgraph?.stop();
  });
  /** A fresh relay socket per test, so one test's subscriptions never answer another's change. */
  async function openRelay(): Promise<RelaySocket> {
    const opened = await RelaySocket.open(subgraph.url, signSocketCaller(SECRET, liveRelayCaller()));
    if (typeof opened === "number") throw new Error(`relay refused: ${opened}`);
    return opened;
  }

  const announce = (topic: string, data: Record<string, unknown>, businessId = BUSINESS) =>
    db.query("select pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify({ topic, businessId, data })]);
  const signedFor = (caller: CallerClaims, query: string) => signSubscriptionCaller(SECRET, caller, { query });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it("executes a change once per audience and sends it once, naming every subscription of that audience", async () => {
    relay = await openRelay();
    const query = `subscription { shared(tag: "a") { text executedFor } }`;
    relay.subscribe("s1", query, signedFor(callerOf("staff", "s1"), query));
    relay.subscribe("s2", query, signedFor(callerOf("staff", "s2"), query));
    relay.subscribe("c1", query, signedFor(callerOf("contact", "c1"), query));
    relay.subscribe("other", query, signedFor(callerOf("staff", "s9", crypto.randomUUID()), query));
    await settle();
    executions.shared = 0;
    await announce("change", { text: "one" });
    await relay.until((frame) => frame.ids?.includes("s1") ?? false);
    await relay.until((frame) => frame.ids?.includes("c1") ?? false);
    await settle();

    expect(executions.shared).toBe(2); // staff once, the contact once
    const frames = relay.nextFrames();
    expect(frames).toHaveLength(2);
    const staff = frames.find((frame) => frame.ids?.includes("s1"))!;
    expect(staff.ids).toEqual(["s1", "s2"]);
    expect(staff.payload.data.shared.text).toBe("one");
    expect(frames.find((frame) => frame.ids?.includes("c1"))).toMatchObject({
      ids: ["c1"],
      payload: { data: { shared: { text: "one", executedFor: "c1" } } },
    });
    // Only subscribers whose own filter accepts the change hear it: not another business's staff.
    expect(frames.some((frame) => frame.ids?.includes("other"))).toBe(false);
    relay.socket.close();
  });

  it("keeps answers apart for other variables, and executes per subscriber without an audience", async () => {
    relay = await openRelay();
    const tagged = (tag: string) => `subscription { shared(tag: "${tag}") { text } }`;
    relay.subscribe("x", tagged("x"), signedFor(callerOf("staff", "s1"), tagged("x")));
    relay.subscribe("y", tagged("y"), signedFor(callerOf("staff", "s2"), tagged("y")));
    const unsharedQuery = "subscription { unshared { executedFor } }";
    relay.subscribe("u1", unsharedQuery, signedFor(callerOf("staff", "s1"), unsharedQuery));
    relay.subscribe("u2", unsharedQuery, signedFor(callerOf("staff", "s2"), unsharedQuery));
    await settle();
    executions.shared = 0;
    executions.unshared = 0;
    await announce("change", { text: "two" });
    for (const id of ["x", "y", "u1", "u2"]) await relay.until((frame) => frame.ids?.includes(id) ?? false);

    expect(executions.shared).toBe(2);
    expect(executions.unshared).toBe(2);
    expect(relay.nextFrames().map((frame) => frame.ids)).toHaveLength(4);
    expect(relay.frames.find((frame) => frame.ids?.includes("u2"))?.payload).toEqual({ data: { unshared: { executedFor: "s2" } } });
    relay.socket.close();
  });

  it("ends a subscription when a message says so (a removed member stops hearing at once), and stops one the gateway completes", async () => {
    relay = await openRelay();
    const query = `subscription { shared(tag: "end") { text } }`;
    relay.subscribe("gone", query, signedFor(callerOf("contact", "gone"), query));
    relay.subscribe("stays", query, signedFor(callerOf("contact", "stays"), query));
    relay.subscribe("left", query, signedFor(callerOf("contact", "left"), query));
    await settle();
    relay.complete("left");
    await announce("removed", { id: "gone" });
    await relay.until((frame) => frame.type === "complete" && frame.id === "gone");
    await announce("change", { text: "after" });
    await relay.until((frame) => frame.ids?.includes("stays") ?? false);
    await settle();
    expect(relay.nextFrames().flatMap((frame) => frame.ids)).toEqual(["stays"]);
    relay.socket.close();
  });

  it("refuses a subscription whose caller is unsigned, signed for another operation or with another secret", async () => {
    relay = await openRelay();
    const query = `subscription { shared(tag: "z") { text } }`;
    relay.subscribe("unsigned", query);
    relay.subscribe("borrowed", query, signedFor(callerOf("staff", "s1"), `subscription { shared(tag: "other") { text } }`));
    relay.subscribe("forged", query, signSubscriptionCaller("f".repeat(40), callerOf("staff", "s1"), { query }));
    for (const id of ["unsigned", "borrowed", "forged"]) {
      const refused = await relay.until((frame) => frame.type === "error" && frame.id === id);
      expect(refused.errors?.[0].message).toBe("Missing or invalid gateway signature");
    }
    relay.socket.close();
  });

  it("opens the relay only for the gateway's relay signature, not a client's socket signature", async () => {
    expect(await RelaySocket.open(subgraph.url, signSocketCaller(SECRET, callerOf("staff", "s1")))).toBe(401);
    expect(await RelaySocket.open(subgraph.url, {})).toBe(401);
    expect(await RelaySocket.open(subgraph.url, signSocketCaller("f".repeat(40), liveRelayCaller()))).toBe(401);
  });

  it("lets an ordinary graphql-ws socket speak for its own caller only, whatever its extensions say", async () => {
    const ordinary = createClient({
      url: subgraph.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: signSocketCaller(SECRET, callerOf("contact", "c2")),
      retryAttempts: 0,
    });
    const query = "subscription { unshared { executedFor } }";
    const received = new Promise<unknown>((resolve, reject) => {
      const off = ordinary.subscribe(
        { query, extensions: signedFor(callerOf("staff", "s1"), query) },
        { next: (value) => (off(), resolve(value)), error: reject, complete: () => undefined },
      );
    });
    await settle();
    await announce("change", { text: "mine" });
    expect(await received).toEqual({ data: { unshared: { executedFor: "c2" } } });
    await ordinary.dispose();
  });
});
