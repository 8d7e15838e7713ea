import { configureLogging } from "@portal/kit";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { startGateway, type RunningGateway } from "../src/index.js";
import { composedFixtureSupergraph, cookieFrom, post, SECRET, startHarness, type Harness } from "./fixtures/harness.js";

/**
 * What an operator sees of the gateway: probes, Prometheus metrics (served to the token's bearer
 * only in production) and one request id from the client's answer to the subgraphs' log lines.
 */
describe("gateway observability", () => {
  const logLines: Record<string, unknown>[] = [];
  let h: Harness;
  let origin: string;
  beforeAll(async () => {
    configureLogging({ json: true, level: "debug", destination: { write: (line: string) => void logLines.push(JSON.parse(line)) } });
    h = await startHarness(inject("databaseUrl" as never) as string);
    origin = new URL(h.gateway.url).origin;
  });
  afterAll(async () => {
    configureLogging({});
    await h?.stop();
  });

  it("answers /healthz and /readyz, and still the older /health and /readiness", async () => {
    const live = await fetch(`${origin}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok", service: "gateway" });
    const ready = await fetch(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", service: "gateway" });
    for (const path of ["/health", "/readiness"]) expect((await fetch(`${origin}${path}`)).status).toBe(200);
  });

  it("returns a request id, keeps a sane one the client sent, and replaces one that is not", async () => {
    const fresh = await post(h.gateway.url, "{ invoiceCount }");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await post(h.gateway.url, "{ invoiceCount }", { headers: { "x-request-id": "lb-7f3a9c21-0042" } });
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a9c21-0042");
    const replaced = await post(h.gateway.url, "{ invoiceCount }", { headers: { "x-request-id": "<script>alert(1)</script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("passes the request id to the subgraphs, whose JSON log lines carry it", async () => {
    // One subgraph (billing), two (accounts and billing, through a plan), and the runtime (a mutation).
    const requests = [
      { query: "query Count { invoiceCount }", subgraph: "billing" },
      { query: `query Both { viewer { kind } contact(id: "c1") { balanceCents } }`, subgraph: "billing" },
      { query: `mutation SignIn { signIn(email: "ada@example.com") }`, subgraph: "accounts" },
    ];
    for (const { query, subgraph } of requests) {
      const answer = await post(h.gateway.url, query);
      expect(answer.json.errors).toBeUndefined();
      const requestId = answer.headers.get("x-request-id");
      const lines = logLines.filter((line) => line.requestId === requestId && line.msg === "graphql request");
      expect(lines.map((line) => line.service)).toContain(subgraph);
      expect(lines.find((line) => line.service === "gateway")).toMatchObject({ status: 200, level: "debug" });
    }
  });

  it("counts GraphQL requests by operation name and outcome at /metrics, with latency and process metrics", async () => {
    const before = await (await fetch(`${origin}/metrics`)).text();
    await post(h.gateway.url, "query InvoiceCount { invoiceCount }");
    await post(h.gateway.url, "query InvoiceCount { invoiceCount }");
    await post(h.gateway.url, "query Nonsense { noSuchField }");
    const response = await fetch(`${origin}/metrics`);
    expect(response.status).toBe(200);
    const after = await response.text();
    const ok = { service: "gateway", operation: "InvoiceCount", outcome: "ok" };
    expect(sample(after, "portal_graphql_requests_total", ok) - sample(before, "portal_graphql_requests_total", ok)).toBe(2);
    expect(
      sample(after, "portal_graphql_requests_total", { service: "gateway", operation: "Nonsense" }, ["error", "rejected"]),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, "portal_graphql_request_duration_seconds_count", { service: "gateway", operation: "InvoiceCount" }),
    ).toBeGreaterThanOrEqual(2);
    // The subgraph behind it counts the same operation under its own name.
    expect(
      sample(after, "portal_graphql_requests_total", { service: "billing", operation: "InvoiceCount", outcome: "ok" }),
    ).toBeGreaterThanOrEqual(2);
    expect(after).toMatch(/^process_resident_memory_bytes /m);
  });

  it("reports the subscriptions open on its WebSockets", async () => {
    const cookie = cookieFrom((await post(h.gateway.url, `mutation { signIn(email: "ada@example.com") }`)).headers.get("set-cookie"));
    class BrowserLikeSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } });
      }
    }
    const client = createClient({ url: h.gateway.url.replace("http", "ws"), webSocketImpl: BrowserLikeSocket, retryAttempts: 0 });
    const open = () =>
      fetch(`${origin}/metrics`).then(async (r) => sample(await r.text(), "portal_subscriptions_open", { service: "gateway" }));
    const unsubscribe = client.subscribe(
      { query: "subscription { contactChanged { id } }" },
      { next: () => undefined, error: () => undefined, complete: () => undefined },
    );
    expect(await eventually(async () => ((await open()) === 1 ? 1 : undefined))).toBe(1);
    unsubscribe();
    expect(await eventually(async () => ((await open()) === 0 ? 0 : undefined))).toBe(0);
    await client.dispose();
  });

  describe("in production", () => {
    let production: RunningGateway;
    let productionOrigin: string;
    beforeAll(async () => {
      production = await startGateway({
        port: 0,
        supergraphSdl: await composedFixtureSupergraph(h),
        identityInternalUrl: h.accounts.url,
        portalSecret: SECRET,
        defaultBusinessSlug: "acme",
        production: true,
        logging: false,
        metricsToken: "metrics-token-0123456789",
      });
      productionOrigin = new URL(production.url).origin;
    });
    afterAll(async () => {
      await production?.stop();
    });

    it("serves /metrics only to the bearer of METRICS_TOKEN", async () => {
      expect((await fetch(`${productionOrigin}/metrics`)).status).toBe(404);
      expect((await fetch(`${productionOrigin}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(
        404,
      );
      const allowed = await fetch(`${productionOrigin}/metrics`, { headers: { authorization: "Bearer metrics-token-0123456789" } });
      expect(allowed.status).toBe(200);
      expect(await allowed.text()).toMatch(/^# TYPE portal_graphql_requests_total counter$/m);
    });

    it("does not serve /metrics at all without a token", async () => {
      const open = await startGateway({
        port: 0,
        supergraphSdl: await composedFixtureSupergraph(h),
        identityInternalUrl: h.accounts.url,
        portalSecret: SECRET,
        production: true,
        logging: false,
      });
      try {
        const origin = new URL(open.url).origin;
        expect((await fetch(`${origin}/metrics`)).status).toBe(404);
        expect((await fetch(`${origin}/readyz`)).status).toBe(200);
      } finally {
        await open.stop();
      }
    });
  });
});

/** A sample's value in Prometheus' text format (0 when absent; summed over `outcomes` when given). */
function sample(text: string, name: string, labels: Record<string, string>, outcomes?: string[]): number {
  let total = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const [, inner, value] = /^[^{]+\{(.*)\} (\S+)$/.exec(line) ?? [];
    const pairs = Object.fromEntries([...(inner ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, val]) => [key, val]));
    if (!Object.entries(labels).every(([key, val]) => pairs[key] === val)) continue;
    if (outcomes && !outcomes.includes(pairs.outcome)) continue;
    total += Number(value);
  }
  return total;
}

async function eventually<T>(attempt: () => Promise<T | undefined>, tries = 50): Promise<T | undefined> {
  for (let i = 0; i < tries; i++) {
    const result = await attempt();
    if (result !== undefined) return result;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}
