import { Entity, PrimaryKey } from "@mikro-orm/postgresql";
import { Migration } from "@mikro-orm/migrations";
import { Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  buildFederatedSchema,
  eventTablesSql,
  MAX_UPLOAD_BYTES,
  runSubgraph,
  signCaller,
  signedFetch,
  type Caller,
  type FileRequest,
  type RunningSubgraphProcess,
} from "../src/index.js";

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

const caller: Caller = { businessId: null, actor: { kind: "staff", id: "s1" }, ip: "127.0.0.1", userAgent: "vitest", issuedAt: 0 };

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

  /** Signed as the gateway signs: for this method, this path and these bytes. */
  const send = (url: string, init: RequestInit & { body?: string | Uint8Array } = {}) => signedFetch(url, caller, init, SECRET);

  it("serves GET and HEAD as before, without a body", async () => {
    const get = await send(`${base}a/b.pdf`);
    expect(get.status).toBe(200);
    expect(await get.text()).toBe("GET a/b.pdf no body");
    const head = await send(`${base}a/b.pdf`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(seen.at(-1)?.method).toBe("HEAD");
  });

  it("hands a POST's raw bytes and headers to the handler", async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
    const response = await send(`${base}doc/original.pdf`, {
      method: "POST",
      headers: { "content-type": "application/pdf", "x-file-name": "c.pdf" },
      body: bytes,
    });
    expect(await response.text()).toBe("POST doc/original.pdf 7");
    const request = seen.at(-1)!;
    expect(request.body?.equals(bytes)).toBe(true);
    expect(request.headers["x-file-name"]).toBe("c.pdf");
    expect(request.caller.actor.id).toBe("s1");
  });

  it("refuses uploads over the limit with 413 without calling the handler", async () => {
    const before = seen.length;
    const response = await send(`${base}doc/original.pdf`, {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body: Buffer.alloc(MAX_UPLOAD_BYTES + 1),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.field).toBe("file");
    expect(seen.length).toBe(before);
  });

  it("requires the gateway signature and refuses other methods", async () => {
    expect((await fetch(`${base}doc/original.pdf`, { method: "POST", body: "x" })).status).toBe(401);
    expect((await send(`${base}doc/original.pdf`, { method: "PUT", body: "x" })).status).toBe(404);
  });

  it("accepts a signature only for the path, method and bytes it was made for", async () => {
    const forA = signCaller(SECRET, caller, { method: "GET", path: new URL(`${base}a.pdf`).pathname });
    expect((await fetch(`${base}a.pdf`, { headers: forA })).status).toBe(200);
    expect((await fetch(`${base}b.pdf`, { headers: forA })).status).toBe(401);
    const upload = { method: "POST", path: new URL(`${base}doc/original.pdf`).pathname, body: Buffer.from("%PDF-1 first") };
    const signedUpload = signCaller(SECRET, caller, upload);
    const swapped = await fetch(`${base}doc/original.pdf`, {
      method: "POST",
      headers: { ...signedUpload, "content-type": "application/pdf" },
      body: Buffer.from("%PDF-1 other"),
    });
    expect(swapped.status).toBe(401);
    const before = seen.length;
    expect(
      (
        await fetch(`${base}doc/original.pdf`, {
          method: "POST",
          headers: { ...forA, "content-type": "application/pdf" },
          body: Buffer.from("x"),
        })
      ).status,
    ).toBe(401);
    expect(seen.length).toBe(before);
  });
});
