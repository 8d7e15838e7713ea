import { getIntrospectionQuery } from "graphql";
import { requestTarget, signCaller } from "@portal/kit";
import { auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { API_KEY } from "./fixtures/accounts.js";
import { post, SECRET, startHarness, type Harness } from "./fixtures/harness.js";

describe("gateway protections", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await h?.stop();
  });

  /** Runs `send` and reports what it cost downstream: subgraph GraphQL calls and identity lookups. */
  async function downstreamCost<T>(send: () => Promise<T>): Promise<{ result: T; subgraphCalls: number; authentications: number }> {
    const calls = h.subgraphCalls();
    const authentications = h.state.authenticateCalls;
    const result = await send();
    return { result, subgraphCalls: h.subgraphCalls() - calls, authentications: h.state.authenticateCalls - authentications };
  }

  it("a subgraph called directly refuses an absent or forged signature", async () => {
    const caller = { businessId: null, actor: { kind: "operator" as const, id: "op-1" }, ip: "1.2.3.4", userAgent: "x" };
    const body = JSON.stringify({ query: "{ viewer { kind } }" });
    const request = { method: "POST", path: requestTarget(h.accounts.url), body };
    const send = (headers: Record<string, string>) =>
      fetch(h.accounts.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect((await send({})).status).toBe(401);
    expect((await send(signCaller("not-the-gateway-secret-0123456789-abcdef", caller, request))).status).toBe(401);
    expect((await send(signCaller(SECRET, caller, request))).status).toBe(200);
  });

  it("refuses too deep an operation without calling any subgraph", async () => {
    const deep = `{ viewer ${"{ kind ".repeat(12)}${"}".repeat(12)} }`;
    const { result, subgraphCalls, authentications } = await downstreamCost(() => post(h.gateway.url, deep));
    expect(result.json.errors.map((e: { message: string }) => e.message)).toContain("Operation depth 13 exceeds the maximum of 12.");
    expect(result.json.data).toBeUndefined();
    expect({ subgraphCalls, authentications }).toEqual({ subgraphCalls: 0, authentications: 0 });
  });

  it("counts introspection fields towards the depth limit, in development too", async () => {
    const deepIntrospection = `{ __schema { types { fields { type ${"{ ofType ".repeat(36)}{ name }${" }".repeat(36)} } } } }`;
    const { result, subgraphCalls, authentications } = await downstreamCost(() => post(h.gateway.url, deepIntrospection));
    expect(result.json.errors.map((e: { message: string }) => e.message)).toContain("Introspection depth 41 exceeds the maximum of 15.");
    expect(result.json.data).toBeUndefined();
    expect({ subgraphCalls, authentications }).toEqual({ subgraphCalls: 0, authentications: 0 });
    // The standard introspection query (GraphiQL's, depth 15) still works for tooling, and one level more does not.
    expect((await post(h.gateway.url, getIntrospectionQuery())).json.data.__schema.queryType).toMatchObject({ name: "Query" });
    const oneDeeper = `{ __schema { types { fields { type ${"{ ofType ".repeat(11)}{ name }${" }".repeat(11)} } } } }`;
    expect((await post(h.gateway.url, oneDeeper)).json.errors[0].message).toBe("Introspection depth 16 exceeds the maximum of 15.");
  });

  /** The signed headers and body of the next GraphQL call the gateway makes to `subgraph`. */
  function nextCallTo(subgraph: Harness["accounts"]) {
    return new Promise<{ headers: Record<string, string>; body: string }>((resolve) => {
      const listener = (req: IncomingMessage) => {
        if (!req.url?.startsWith("/graphql")) return;
        subgraph.server.off("request", listener);
        const chunks: Buffer[] = [];
        req.on("data", (chunk: Buffer) => chunks.push(chunk));
        req.on("end", () =>
          resolve({
            headers: {
              "x-portal-caller": String(req.headers["x-portal-caller"]),
              "x-portal-signature": String(req.headers["x-portal-signature"]),
            },
            body: Buffer.concat(chunks).toString(),
          }),
        );
      };
      subgraph.server.prependListener("request", listener);
    });
  }

  it("signs each subgraph call for that call only: a captured pair cannot run another query", async () => {
    const replay = (subgraph: Harness["accounts"], headers: Record<string, string>, body: string) =>
      fetch(subgraph.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const other = JSON.stringify({ query: `mutation { signIn(email: "mallory@example.com") }` });

    // A query one subgraph answers alone (sent straight to it)...
    const direct = nextCallTo(h.accounts);
    await post(h.gateway.url, "{ viewer { kind } }", { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    const captured = await direct;
    expect((await replay(h.accounts, captured.headers, other)).status).toBe(401);
    expect((await replay(h.accounts, captured.headers, captured.body)).status).toBe(200); // the very call it was made for, within its 30 s

    // ...and a planned one's entity fetch.
    const entities = nextCallTo(h.billing);
    await post(h.gateway.url, `{ contact(id: "c1") { name balanceCents } }`, { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    const fetched = await entities;
    expect(fetched.body).toContain("_entities");
    expect((await replay(h.billing, fetched.headers, JSON.stringify({ query: "{ invoiceCount }" }))).status).toBe(401);
    expect((await replay(h.billing, fetched.headers, fetched.body)).status).toBe(200);
  });

  it("refuses too many aliases without calling any subgraph", async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: invoiceCount`).join(" ");
    const { result, subgraphCalls } = await downstreamCost(() => post(h.gateway.url, `{ ${aliases} }`));
    expect(result.json.errors[0].message).toBe("Operation uses 31 aliases; the maximum is 30.");
    expect(subgraphCalls).toBe(0);
    const allowed = Array.from({ length: 30 }, (_, i) => `a${i}: invoiceCount`).join(" ");
    expect((await post(h.gateway.url, `{ ${allowed} }`)).json.data.a29).toBe(3);
  });

  it("refuses too many tokens without calling any subgraph", async () => {
    const { result, subgraphCalls } = await downstreamCost(() => post(h.gateway.url, `{ ${"invoiceCount ".repeat(2100)} }`));
    expect(result.json.errors[0].message).toMatch(/Document contains more th(an|at) 2000 tokens/); // graphql-js spells it "that";
    expect(subgraphCalls).toBe(0);
  });

  it("refuses a body over 100 kB with 413, declared or streamed", async () => {
    const huge = JSON.stringify({ query: "{ invoiceCount }", variables: { pad: "x".repeat(120_000) } });
    const declared = await downstreamCost(() =>
      fetch(h.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body: huge }),
    );
    expect(declared.result.status).toBe(413);
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(huge));
        controller.close();
      },
    });
    const streamed = await downstreamCost(() =>
      fetch(h.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.result.status).toBe(413);
    expect(declared.subgraphCalls + streamed.subgraphCalls).toBe(0);
  });

  it("accepts a streamed body under the limit", async () => {
    const body = JSON.stringify({ query: "{ invoiceCount }" });
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body));
        controller.close();
      },
    });
    const response = await fetch(h.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(await response.json()).toEqual({ data: { invoiceCount: 3 } });
  });

  it("prevents CSRF: a form-encoded mutation is refused, GET needs a preflight header and never mutates", async () => {
    const { result, subgraphCalls } = await downstreamCost(() =>
      fetch(h.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `query=${encodeURIComponent('mutation { signIn(email: "x@example.com") }')}`,
      }),
    );
    expect(result.status).toBe(403);
    expect(subgraphCalls).toBe(0);

    const get = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${h.gateway.url}?query=${encodeURIComponent(query)}`, { headers: { accept: "application/json", ...headers } });
    expect((await get("{ invoiceCount }")).status).toBe(403);
    const preflighted = await get("{ invoiceCount }", { "x-portal-csrf": "1" });
    expect(await preflighted.json()).toEqual({ data: { invoiceCount: 3 } });
    expect((await get('mutation { signIn(email: "x@example.com") }', { "x-portal-csrf": "1" })).status).toBe(405);
  });

  it("treats an unknown session cookie as anonymous and clears it", async () => {
    const { json, headers } = await post(h.gateway.url, "{ viewer { kind } }", { headers: { cookie: "portal_session=ended-or-forged" } });
    expect(json.data.viewer.kind).toBe("anonymous");
    expect(headers.get("set-cookie")).toMatch(/^portal_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
  });

  it("asks identity once for repeated requests with the same credentials", async () => {
    const cookie = { cookie: `portal_session=cache-probe-${Date.now()}` };
    const { authentications } = await downstreamCost(async () => {
      for (let i = 0; i < 5; i++) await post(h.gateway.url, "{ viewer { kind } }", { headers: cookie });
      await Promise.all(
        Array.from({ length: 5 }, () => post(h.gateway.url, "{ viewer { kind } }", { headers: { cookie: `${cookie.cookie}-parallel` } })),
      );
    });
    expect(authentications).toBe(2);
  });

  it("passes graphql-http's server audit with no MUST failure", async () => {
    const results = await auditServer({ url: h.gateway.url });
    const failures = results
      .filter((result) => result.status === "error")
      .map((result) => `${result.name}: ${(result as { reason?: string }).reason}`);
    expect(failures).toEqual([]);
  });
});
