import { Entity, PrimaryKey } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildFederatedSchema, eventTablesSql, MAX_UPLOAD_BYTES, runSubgraph, signCaller, type Caller, type FileRequest, type RunningSubgraphProcess } from "../src/index.js";

const SECRET = "f".repeat(40);

@Entity({ tableName: "thing" })
class Thing {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" }) id!: string;
}

class InitialMigration extends Migration {
  async up() {
    this.addSql(`create table "kit_files_spec"."thing" (id uuid primary key default gen_random_uuid())`);
    for (const statement of eventTablesSql("kit_files_spec")) this.addSql(statement);
  }
}

@Resolver()
class PingResolver {
  @Query(() => String, { description: "Ping." })
  ping(): string {
    return "pong";
  }
}

const caller: Caller = { businessId: null, actor: { kind: "staff", id: "s1" }, ip: "127.0.0.1", userAgent: "vitest", origin: "", issuedAt: 0 };

describe("file handlers", () => {
  let running: RunningSubgraphProcess;
  let base: string;
  const seen: Omit<FileRequest, "em">[] = [];

  beforeAll(async () => {
    running = await runSubgraph(
      {
        name: "kit-files-spec",
        schema: "kit_files_spec",
        entities: [Thing],
        migrations: [{ name: "InitialMigration", class: InitialMigration }],
        buildSchema: () => buildFederatedSchema({ resolvers: [PingResolver] }),
        files: () => ({
          echo: async ({ em: _em, ...request }) => {
            seen.push(request);
            const text = `${request.method} ${request.path} ${request.body?.length ?? "no body"}`;
            return { status: 200, contentType: "text/plain", body: Buffer.from(text) };
          },
        }),
      },
      { databaseUrl: inject("databaseUrl" as never) as string, gatewaySecret: SECRET, port: 0, production: false },
    );
    base = running.url.replace(/\/graphql$/, "/files/echo/");
  });
  afterAll(async () => {
    await running?.stop();
  });

  const signed = () => signCaller(SECRET, { ...caller, issuedAt: Date.now() });

  it("serves GET and HEAD as before, without a body", async () => {
    const get = await fetch(`${base}a/b.pdf`, { headers: signed() });
    expect(get.status).toBe(200);
    expect(await get.text()).toBe("GET a/b.pdf no body");
    const head = await fetch(`${base}a/b.pdf`, { method: "HEAD", headers: signed() });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(seen.at(-1)?.method).toBe("HEAD");
  });

  it("hands a POST's raw bytes and headers to the handler", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const response = await fetch(`${base}doc/original.pdf`, { method: "POST", headers: { ...signed(), "content-type": "application/pdf", "x-file-name": "c.pdf" }, body: bytes });
    expect(await response.text()).toBe("POST doc/original.pdf 7");
    const request = seen.at(-1)!;
    expect(request.body?.equals(bytes)).toBe(true);
    expect(request.headers["x-file-name"]).toBe("c.pdf");
    expect(request.caller.actor.id).toBe("s1");
  });

  it("refuses uploads over the limit with 413 without calling the handler", async () => {
    const before = seen.length;
    const response = await fetch(`${base}doc/original.pdf`, { method: "POST", headers: { ...signed(), "content-type": "application/pdf" }, body: Buffer.alloc(MAX_UPLOAD_BYTES + 1) });
    expect(response.status).toBe(413);
    expect((await response.json()).error.field).toBe("file");
    expect(seen.length).toBe(before);
  });

  it("requires the gateway signature and refuses other methods", async () => {
    expect((await fetch(`${base}doc/original.pdf`, { method: "POST", body: "x" })).status).toBe(401);
    expect((await fetch(`${base}doc/original.pdf`, { method: "PUT", headers: signed(), body: "x" })).status).toBe(404);
  });
});
