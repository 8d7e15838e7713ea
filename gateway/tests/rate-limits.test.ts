import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Actor } from "@portal/kit";
import { createClient } from "graphql-ws";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import WebSocket from "ws";
import { startGateway, type RunningGateway } from "../src/index.js";
import { createRateLimits } from "../src/rate-limits.js";
import { ACME } from "./fixtures/accounts.js";
import { composedFixtureSupergraph, post, SECRET, startHarness, type Harness } from "./fixtures/harness.js";

const VIEWER = "{ viewer { kind } }";
/** Test limits: a window long enough that no test crosses into the next one (see freshWindow). */
const LIMITS = { apiKey: 3, session: 4, anonymous: 5, windowSeconds: 3600, syncIntervalMs: 100 };

/**
 * identity's authenticate endpoint as the gateway calls it: any `key-…` API key and `session-…`
 * token is valid, each its own caller, so every test brings callers no other test counted.
 */
function fakeIdentity(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const { apiKey, sessionToken } = JSON.parse(Buffer.concat(chunks).toString()) as { apiKey?: string; sessionToken?: string };
      const business = { id: ACME.id, slug: ACME.slug };
      const actor: Actor = apiKey?.startsWith("key-")
        ? { kind: "apiKey", id: apiKey.slice(4), scopes: ["read"] }
        : sessionToken?.startsWith("session-")
          ? { kind: "contact", id: randomUUID(), sessionId: sessionToken.slice(8) }
          : { kind: "anonymous", id: null };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ business, actor, sessionValid: !sessionToken || actor.kind !== "anonymous" }));
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const asKey = (id: string) => ({ authorization: `Bearer key-${id}` });
const asSession = (id: string) => ({ cookie: `portal_session=session-${id}` });
const fromIp = (ip: string) => ({ "x-forwarded-for": ip });

describe("rate limits at the gateway", () => {
  let h: Harness;
  let identity: Server;
  let second: RunningGateway;
  let db: pg.Client;
  const started: RunningGateway[] = [];

  /** Another gateway on the same subgraphs and database, with these options. */
  async function anotherGateway(overrides: Record<string, unknown>): Promise<RunningGateway> {
    const gateway = await startGateway({
      port: 0,
      supergraphSdl: await composedFixtureSupergraph(h),
      identityInternalUrl: `http://127.0.0.1:${(identity.address() as AddressInfo).port}`,
      portalSecret: SECRET,
      defaultBusinessSlug: "acme",
      production: false,
      logging: false,
      ...overrides,
    });
    started.push(gateway);
    return gateway;
  }

  beforeAll(async () => {
    const databaseUrl = inject("databaseUrl" as never) as string;
    identity = await fakeIdentity();
    const identityInternalUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}`;
    h = await startHarness(databaseUrl, { identityInternalUrl, rateLimits: LIMITS, trustProxy: 1 });
    second = await anotherGateway({ databaseUrl, rateLimits: LIMITS, trustProxy: 1 });
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    for (const gateway of started) await gateway.stop();
    await h?.stop();
    await new Promise((resolve) => identity?.close(resolve));
  });

  /** Waits for the next window when this one ends within a minute, so a test's counts stay in one window. */
  async function freshWindow(windowSeconds = LIMITS.windowSeconds): Promise<void> {
    const left = windowSeconds * 1000 - (Date.now() % (windowSeconds * 1000));
    if (left < 60_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  }

  /** The count every gateway added for a caller in the current window, as stored in PostgreSQL. */
  async function storedCount(subject: string): Promise<number> {
    const key = createHash("sha256").update(subject).digest("base64url");
    const windowMs = LIMITS.windowSeconds * 1000;
    const { rows } = await db.query("select count from gateway.rate_limit where key = $1 and window_start = $2", [
      key,
      Math.floor(Date.now() / windowMs) * windowMs,
    ]);
    return rows[0]?.count ?? 0;
  }

  it("answers an API key over its limit 429 with Retry-After and RATE_LIMITED; other keys and sessions are unaffected", async () => {
    await freshWindow();
    const key = randomUUID();
    for (let i = 0; i < LIMITS.apiKey; i++) {
      const answer = await post(h.gateway.url, VIEWER, { headers: asKey(key) });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ data: { viewer: { kind: "apiKey" } } });
      expect(answer.headers.get("ratelimit-limit")).toBe(String(LIMITS.apiKey));
      expect(answer.headers.get("ratelimit-remaining")).toBe(String(LIMITS.apiKey - i - 1));
    }
    const refused = await post(h.gateway.url, VIEWER, { headers: asKey(key) });
    expect(refused.status).toBe(429);
    const retryAfter = refused.headers.get("retry-after");
    expect(retryAfter).toMatch(/^[0-9]+$/);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(LIMITS.windowSeconds);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(refused.json).toEqual({
      errors: [{ message: `Too many requests. Please try again in ${retryAfter} seconds.`, extensions: { code: "RATE_LIMITED" } }],
    });
    // Nothing of the refused request reached a subgraph: a GET is refused the same way.
    const get = await fetch(`${h.gateway.url}?query=${encodeURIComponent(VIEWER)}`, { headers: { ...asKey(key), "x-portal-csrf": "1" } });
    expect(get.status).toBe(429);

    expect((await post(h.gateway.url, VIEWER, { headers: asKey(randomUUID()) })).status).toBe(200);
    const session = await post(h.gateway.url, VIEWER, { headers: asSession(randomUUID()) });
    expect(session.json).toEqual({ data: { viewer: { kind: "contact" } } });
    expect((await post(h.gateway.url, VIEWER)).status).toBe(200);
  });

  it("holds an API key's limit across two gateways sharing the database", async () => {
    await freshWindow();
    const key = randomUUID();
    for (let i = 0; i < LIMITS.apiKey; i++) expect((await post(h.gateway.url, VIEWER, { headers: asKey(key) })).status).toBe(200);
    // The first gateway adds its count to the shared table within a sync interval...
    await vi.waitFor(async () => expect(await storedCount(`key:${key}`)).toBe(LIMITS.apiKey), { timeout: 5_000, interval: 50 });
    // ...and the second one, seeing this key for the first time, starts from it.
    const refused = await post(second.url, VIEWER, { headers: asKey(key) });
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect((await post(second.url, VIEWER, { headers: asKey(randomUUID()) })).status).toBe(200);
  });

  it("holds a session's limit across both gateways, counting what each admitted", async () => {
    await freshWindow();
    const session = randomUUID();
    const half = LIMITS.session / 2;
    for (let i = 0; i < half; i++) expect((await post(h.gateway.url, VIEWER, { headers: asSession(session) })).status).toBe(200);
    await vi.waitFor(async () => expect(await storedCount(`session:${session}`)).toBe(half), { timeout: 5_000, interval: 50 });
    for (let i = 0; i < half; i++) expect((await post(second.url, VIEWER, { headers: asSession(session) })).status).toBe(200);
    expect((await post(second.url, VIEWER, { headers: asSession(session) })).status).toBe(429);
    // Once the second gateway's count is stored, the first one learns it at its next sync; until
    // then it decides on what it knew, so at most one more operation gets through there.
    await vi.waitFor(async () => expect(await storedCount(`session:${session}`)).toBe(LIMITS.session), { timeout: 5_000, interval: 50 });
    await vi.waitFor(async () => expect((await post(h.gateway.url, VIEWER, { headers: asSession(session) })).status).toBe(429), {
      timeout: 5_000,
      interval: 300, // three syncs between two tries
    });
    expect(await storedCount(`session:${session}`)).toBeLessThanOrEqual(LIMITS.session + 1);
    expect((await post(h.gateway.url, VIEWER, { headers: asSession(randomUUID()) })).status).toBe(200);
  });

  it("limits anonymous callers per client IP (behind the trusted proxy, the address it saw), and not health checks", async () => {
    await freshWindow();
    const ip = `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
    const other = `2001:db8::${randomUUID().slice(0, 4)}`;
    for (let i = 0; i < LIMITS.anonymous; i++)
      expect((await post(h.gateway.url, VIEWER, { headers: fromIp(`198.51.100.${i}, ${ip}`) })).status).toBe(200);
    const refused = await post(h.gateway.url, VIEWER, { headers: fromIp(`198.51.100.99, ${ip}`) });
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect((await post(h.gateway.url, VIEWER, { headers: fromIp(other) })).status).toBe(200);
    const health = await fetch(new URL("/health", h.gateway.url), { headers: fromIp(ip) });
    expect(health.status).toBe(200);
  });

  it("refuses a WebSocket subscribe over the limit with an error message carrying RATE_LIMITED", async () => {
    await freshWindow();
    const key = randomUUID();
    const client = createClient({
      url: h.gateway.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer key-${key}` },
      retryAttempts: 0,
      lazy: false,
    });
    try {
      const failures: unknown[] = [];
      const unsubscribes: (() => void)[] = [];
      for (let i = 0; i < LIMITS.apiKey; i++) {
        unsubscribes.push(
          client.subscribe(
            { query: "subscription { contactChanged { id } }" },
            { next: () => {}, error: (e) => failures.push(e), complete: () => {} },
          ),
        );
      }
      const refused = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: "subscription { contactChanged { id } }" },
          { next: () => {}, error: resolve, complete: () => resolve(null) },
        );
      });
      expect(refused).toEqual([{ message: expect.stringMatching(/^Too many requests/), extensions: { code: "RATE_LIMITED" } }]);
      expect(failures).toEqual([]);
      // Subscribes and HTTP operations share the caller's count.
      expect((await post(h.gateway.url, VIEWER, { headers: asKey(key) })).status).toBe(429);
      for (const unsubscribe of unsubscribes) unsubscribe();
    } finally {
      await client.dispose();
    }
  });

  it("answers again once the window has passed (a gateway without a database counts alone)", async () => {
    const windowSeconds = 2;
    const alone = await anotherGateway({ rateLimits: { ...LIMITS, windowSeconds } });
    const key = randomUUID();
    let refused: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i <= LIMITS.apiKey * 2 && !refused; i++) {
      const answer = await post(alone.url, VIEWER, { headers: asKey(key) });
      if (answer.status === 429) refused = answer;
    }
    expect(refused).toBeDefined();
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused!.headers.get("retry-after"))).toBeLessThanOrEqual(windowSeconds);
    await vi.waitFor(async () => expect((await post(alone.url, VIEWER, { headers: asKey(key) })).status).toBe(200), {
      timeout: 10_000,
      interval: 200,
    });
  });
});

describe("rate limits while PostgreSQL is unreachable", () => {
  it("each gateway still holds the limit by itself", async () => {
    const authenticator = {
      authenticate: async () => ({ business: null, actor: { kind: "apiKey", id: "k", scopes: [] }, sessionValid: true }),
    };
    const limits = await createRateLimits(
      { ...LIMITS, syncIntervalMs: 50 },
      authenticator as never,
      "postgres://postgres@127.0.0.1:1/unreachable",
    );
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const facts = { credentials: { host: "localhost", apiKey: "key-k" }, secure: false, ip: "127.0.0.1", userAgent: "test" };
      const statuses: number[] = [];
      for (let i = 0; i <= LIMITS.apiKey; i++) {
        let status = 200;
        const res = { setHeader() {}, writeHead: (code: number) => (status = code), end() {} };
        await limits.admitHttp(res as never, facts);
        statuses.push(status);
      }
      expect(statuses).toEqual([...Array(LIMITS.apiKey).fill(200), 429]);
      await vi.waitFor(() => expect(error).toHaveBeenCalledWith(expect.stringMatching(/rate limits are counted per instance/)));
    } finally {
      await limits.close();
      error.mockRestore();
    }
  });
});
