import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { API_KEY } from "./fixtures/accounts.js";
import { post, startHarness, type Harness } from "./fixtures/harness.js";

/** A "subgraph" that accepts connections and never answers: a hung process, a stuck load balancer. */
async function startFrozenServer() {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("data", (chunk: Buffer) => {
      if (/^(GET|POST|HEAD) /.test(chunk.toString("latin1", 0, 5))) requests++;
    });
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    /** HTTP requests that started arriving. */
    requests: () => requests,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Fields of both fixture subgraphs: accounts answers portal and name, billing balanceCents and invoiceCount. */
const MIXED = `{ portal { business { name } } contact(id: "c1") { name balanceCents } invoiceCount }`;
const BILLING_UNAVAILABLE = {
  message: "The billing section is unavailable right now",
  extensions: { code: "SERVICE_UNAVAILABLE", serviceName: "billing" },
};
/** Production keeps the message and the code of client-facing errors, nothing else. */
const BILLING_UNAVAILABLE_IN_PRODUCTION = { message: BILLING_UNAVAILABLE.message, extensions: { code: "SERVICE_UNAVAILABLE" } };
/** What must never reach a client: transport errors, addresses, the request the gateway made. */
const INTERNALS = /ECONNREFUSED|ECONNRESET|127\.0\.0\.1|localhost|fetch failed|_entities|representations|"request"|"query"|timeout|abort/i;

function expectHealthyDataAndCleanErrors(
  json: { data?: unknown; errors?: unknown[] },
  unavailable: { message: string; extensions: Record<string, string> } = BILLING_UNAVAILABLE,
) {
  expect(json.data).toEqual({
    portal: { business: { name: "Acme Studio" } },
    contact: { name: "Unknown", balanceCents: null },
    invoiceCount: null,
  });
  expect(json.errors).toHaveLength(2);
  expect(json.errors).toEqual(
    expect.arrayContaining([
      // A failed entity fetch is reported once, at the object the subgraph was to complete.
      { ...unavailable, path: ["contact"] },
      { ...unavailable, path: ["invoiceCount"] },
    ]),
  );
  expect(JSON.stringify(json)).not.toMatch(INTERNALS);
}

describe("a subgraph that is down", () => {
  let h: Harness;
  let nodeEnv: string | undefined;
  beforeAll(async () => {
    // Development mode is where a runtime would show the most: the answer must be clean there too.
    nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = "development";
    h = await startHarness(inject("databaseUrl" as never) as string, { production: false });
    await h.billing.stop();
  });
  afterAll(async () => {
    process.env.NODE_ENV = nodeEnv;
    await h?.gateway.stop();
    await h?.accounts.stop();
  });

  it("leaves the other subgraphs' data in place and reports its fields as unavailable, without internals", async () => {
    const { status, json } = await post(h.gateway.url, MIXED);
    expect(status).toBe(200);
    expectHealthyDataAndCleanErrors(json);
  });

  it("answers a query for its fields alone the same way", async () => {
    const { json } = await post(h.gateway.url, "{ invoiceCount }", { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    expect(json).toEqual({ data: { invoiceCount: null }, errors: [{ ...BILLING_UNAVAILABLE, path: ["invoiceCount"] }] });
  });

  it("answers its downloads and webhooks 502 without details", async () => {
    const base = new URL(h.gateway.url).origin;
    const download = await fetch(`${base}/files/billing/echo/a.pdf`, { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    expect(download.status).toBe(502);
    expect(await download.text()).not.toMatch(INTERNALS);
    const webhook = await fetch(`${base}/webhooks/billing/echo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(webhook.status).toBe(502);
  });
});

describe("a subgraph that accepts connections and never answers (production mode)", () => {
  let h: Harness;
  let frozen: Awaited<ReturnType<typeof startFrozenServer>>;
  beforeAll(async () => {
    frozen = await startFrozenServer();
    h = await startHarness(inject("databaseUrl" as never) as string, {
      subgraphUrls: { billing: frozen.url },
      subgraphTimeoutMs: 300,
      production: true,
    });
  });
  afterAll(async () => {
    await h?.stop();
    await frozen?.close();
  });

  it("is given up on after the timeout: the other subgraphs' data arrives with a clean error for its fields", async () => {
    const before = frozen.requests();
    const started = Date.now();
    const { status, json } = await post(h.gateway.url, MIXED);
    expect(status).toBe(200);
    expectHealthyDataAndCleanErrors(json, BILLING_UNAVAILABLE_IN_PRODUCTION);
    // Waited for once: the runtime, answering after the planned path, reports it without calling it again.
    expect(frozen.requests() - before).toBe(1);
    expect(Date.now() - started).toBeLessThan(600);
  });

  it("gets no second wait when the query is for its fields alone", async () => {
    const before = frozen.requests();
    const { json } = await post(h.gateway.url, "{ total: invoiceCount }", { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    expect(json).toEqual({ data: { total: null }, errors: [{ ...BILLING_UNAVAILABLE_IN_PRODUCTION, path: ["total"] }] });
    expect(frozen.requests() - before).toBe(1); // not tried again through the runtime
  });

  it("answers its downloads and webhooks 504", async () => {
    const base = new URL(h.gateway.url).origin;
    const download = await fetch(`${base}/files/billing/echo/a.pdf`, { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    expect(download.status).toBe(504);
    expect(await download.text()).not.toMatch(INTERNALS);
    const webhook = await fetch(`${base}/webhooks/billing/echo`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(webhook.status).toBe(504);
  });
});

describe("identity frozen, so nobody can be authenticated", () => {
  let h: Harness;
  let frozen: Awaited<ReturnType<typeof startFrozenServer>>;
  beforeAll(async () => {
    frozen = await startFrozenServer();
    h = await startHarness(inject("databaseUrl" as never) as string, { identityInternalUrl: frozen.url, subgraphTimeoutMs: 300 });
  });
  afterAll(async () => {
    await h?.stop();
    await frozen?.close();
  });

  it("answers 503 with a clean message on every path that needs to know who is calling", async () => {
    const unavailable = { code: "SERVICE_UNAVAILABLE" };
    const direct = await post(h.gateway.url, "{ invoiceCount }");
    expect(direct.status).toBe(503);
    expect(direct.json.errors[0].extensions).toMatchObject(unavailable);
    const planned = await post(h.gateway.url, MIXED);
    expect(planned.status).toBe(503);
    expect(planned.json.errors[0]).toMatchObject({
      message: "The portal is unavailable right now. Please try again shortly.",
      extensions: unavailable,
    });
    const download = await fetch(`${new URL(h.gateway.url).origin}/files/billing/echo/a.pdf`);
    expect(download.status).toBe(503);
    for (const text of [JSON.stringify(direct.json), JSON.stringify(planned.json), await download.text()])
      expect(text).not.toMatch(INTERNALS);
  });
});
