import { Entity, PrimaryKey } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { Field, ObjectType, Query, Resolver, Ctx } from "type-graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  buildFederatedSchema,
  commonEnv,
  eventTablesSql,
  readConfig,
  requestTarget,
  runSubgraph,
  seal,
  signBody,
  signCaller,
  signSocketCaller,
  unseal,
  verifySocketCaller,
  type Caller,
  type RunningSubgraphProcess,
  type SubgraphContext,
  type SubgraphDefinition,
} from "../src/index.js";

const OLD_SECRET = "o".repeat(40);
const NEW_SECRET = "n".repeat(40);
const SCHEMA = "kit_rotation";

@ObjectType({ description: "Unused: a schema needs one object type besides Query." })
class Nothing {
  @Field(() => String, { description: "nothing" }) nothing!: string;
}

@Entity({ tableName: "marker" })
class Marker {
  @PrimaryKey({ type: "uuid" }) id!: string;
}

class InitialMigration extends Migration {
  async up() {
    this.addSql(`create table "${SCHEMA}"."marker" (id uuid primary key)`);
    for (const statement of eventTablesSql(SCHEMA)) this.addSql(statement);
  }
}

const definition: SubgraphDefinition = {
  name: "kit-rotation",
  schema: SCHEMA,
  entities: [Marker],
  migrations: [{ name: "InitialMigration", class: InitialMigration }],
  async buildSchema() {
    @Resolver()
    class WhoResolver {
      @Query(() => String, { description: "Who the gateway says is calling." })
      whoAmI(@Ctx() ctx: SubgraphContext): string {
        return `${ctx.caller.actor.kind}:${ctx.caller.actor.id}`;
      }
    }
    return buildFederatedSchema({ resolvers: [WhoResolver], orphanedTypes: [Nothing] });
  },
  internal: () => ({ echo: async (body) => body }),
};

const caller = (): Omit<Caller, "issuedAt"> => ({
  businessId: null,
  actor: { kind: "staff", id: "s1" },
  ip: "127.0.0.1",
  userAgent: "test",
});

/** The shared settings as a process reads them at start (which is when PORTAL_SECRET_PREVIOUS takes effect). */
function processStartsWith(env: Record<string, string>) {
  return readConfig(commonEnv, { DATABASE_URL: inject("databaseUrl" as never) as string, ...env });
}

describe("rotating PORTAL_SECRET", () => {
  let subgraph: RunningSubgraphProcess;
  beforeAll(async () => {
    const config = processStartsWith({ PORTAL_SECRET: NEW_SECRET, PORTAL_SECRET_PREVIOUS: OLD_SECRET });
    subgraph = await runSubgraph(definition, {
      databaseUrl: config.DATABASE_URL,
      gatewaySecret: config.PORTAL_SECRET,
      port: 0,
      production: false,
      connections: { queries: 2, jobs: 1 },
    });
  });
  afterAll(async () => {
    processStartsWith({ PORTAL_SECRET: NEW_SECRET });
    await subgraph?.stop();
  });

  const query = JSON.stringify({ query: "{ whoAmI }" });
  const callSignedWith = async (secret: string) => {
    const headers = signCaller(secret, caller(), { method: "POST", path: requestTarget(subgraph.url), body: query });
    const response = await fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: query,
    });
    return response.status === 200 ? ((await response.json()) as { data: unknown }).data : response.status;
  };
  const internalCallSignedWith = async (secret: string) => {
    const body = JSON.stringify({ hello: "there" });
    const url = new URL("/internal/echo", subgraph.url);
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...signBody(secret, body) }, body });
    return response.status;
  };

  it("accepts calls and seals made with the previous secret while PORTAL_SECRET_PREVIOUS is set", async () => {
    expect(await callSignedWith(NEW_SECRET)).toEqual({ whoAmI: "staff:s1" });
    expect(await callSignedWith(OLD_SECRET)).toEqual({ whoAmI: "staff:s1" });
    expect(await callSignedWith("x".repeat(40))).toBe(401);
    expect(await internalCallSignedWith(OLD_SECRET)).toBe(200);
    expect(verifySocketCaller(NEW_SECRET, ...socketPair(OLD_SECRET))?.actor.id).toBe("s1");
    // A one-time link sealed by a process still on the old secret opens in one already on the new.
    expect(unseal(NEW_SECRET, seal(OLD_SECRET, "https://portal.test/link"))).toBe("https://portal.test/link");
  });

  it("refuses them once the processes restart without it, and still accepts the new secret", async () => {
    processStartsWith({ PORTAL_SECRET: NEW_SECRET });
    expect(await callSignedWith(OLD_SECRET)).toBe(401);
    expect(await internalCallSignedWith(OLD_SECRET)).toBe(401);
    expect(verifySocketCaller(NEW_SECRET, ...socketPair(OLD_SECRET))).toBeNull();
    expect(() => unseal(NEW_SECRET, seal(OLD_SECRET, "https://portal.test/link"))).toThrow();
    expect(await callSignedWith(NEW_SECRET)).toEqual({ whoAmI: "staff:s1" });
    expect(await internalCallSignedWith(NEW_SECRET)).toBe(200);
  });

  it("treats an empty PORTAL_SECRET_PREVIOUS as none and names one that is too short", () => {
    expect(processStartsWith({ PORTAL_SECRET: NEW_SECRET, PORTAL_SECRET_PREVIOUS: "" }).PORTAL_SECRET_PREVIOUS).toBeUndefined();
    expect(() => processStartsWith({ PORTAL_SECRET: NEW_SECRET, PORTAL_SECRET_PREVIOUS: "short" })).toThrow(
      /PORTAL_SECRET_PREVIOUS: must be at least 32/,
    );
  });
});

function socketPair(secret: string): [string, string] {
  const params = signSocketCaller(secret, caller());
  return [params["x-portal-caller"]!, params["x-portal-signature"]!];
}
