/**
 * Micro-benchmark of the gateway's rate limit check (docs/performance.md quotes it):
 * `node --import tsx gateway/bench/rate-limits.ts [postgres://…]`. Measures the check alone
 * (WindowCounter.admit), and the check as the HTTP path runs it (GatewayRateLimits.admitHttp:
 * the caller looked up by its credentials, the count, three RateLimit-* headers), without and with the
 * shared PostgreSQL table syncing every second, over 10,000 sessions (already seen in this window:
 * a key's first check in a window waits for one batched read).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerResponse } from "node:http";
import { Authenticator } from "../src/authenticator.js";
import { createRateLimits, WindowCounter } from "../src/rate-limits.js";
import type { RequestFacts } from "../src/request-facts.js";

const SECONDS = 3;
const SESSIONS = 10_000;
const databaseUrl = process.argv[2];

function report(label: string, operations: number, cpu: NodeJS.CpuUsage, wallMs: number) {
  const cpuUs = cpu.user + cpu.system;
  console.log(
    `${label.padEnd(48)} ${Math.round(operations / (wallMs / 1000))
      .toLocaleString("en")
      .padStart(12)} checks/s   ${(cpuUs / operations).toFixed(3)} µs CPU per check`,
  );
}

async function measure(label: string, check: (i: number) => unknown) {
  let operations = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - started < SECONDS * 1000) {
    for (let i = 0; i < 1000; i++) await check(operations++);
  }
  report(label, operations, process.cpuUsage(cpu), performance.now() - started);
}

// identity's authenticate endpoint: every session token is its own session.
const identity = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const { sessionToken } = JSON.parse(Buffer.concat(chunks).toString()) as { sessionToken: string };
    res.end(JSON.stringify({ business: null, actor: { kind: "contact", id: sessionToken, sessionId: sessionToken }, sessionValid: true }));
  });
});
await new Promise<void>((resolve) => identity.listen(0, "127.0.0.1", resolve));
const authenticator = new Authenticator({
  endpoint: `http://127.0.0.1:${(identity.address() as AddressInfo).port}/internal/authenticate`,
  secret: "bench-secret-0123456789-abcdefghijklmnop",
  ttlMs: 600_000,
  maxEntries: SESSIONS * 2,
});
const facts: RequestFacts[] = Array.from({ length: SESSIONS }, (_, i) => ({
  credentials: { host: "localhost", sessionToken: `session-${i}` },
  secure: false,
  ip: "127.0.0.1",
  userAgent: "bench",
}));
for (const fact of facts) await authenticator.authenticate(fact.credentials);
const res = { setHeader() {}, writeHead() {}, end() {} } as unknown as ServerResponse;
const huge = { apiKey: 1e9, session: 1e9, anonymous: 1e9 };

await measure("authenticate alone (cache hit), for comparison", (i) => authenticator.authenticate(facts[i % SESSIONS]!.credentials));

const counter = new WindowCounter(60_000, null, 1000);
await measure("WindowCounter.admit, memory only", (i) => counter.admit(`session:${i % SESSIONS}`, 1e9, true));
await counter.close();

const local = await createRateLimits(huge, authenticator, undefined);
await measure("admitHttp (caller known, count, headers), memory", (i) => local.admitHttp(res, facts[i % SESSIONS]!));
await local.close();

if (databaseUrl) {
  const shared = await createRateLimits(huge, authenticator, databaseUrl);
  // Each session's first check in a window waits for its shared count (batched per event-loop turn).
  await Promise.all(facts.map((fact) => shared.admitHttp(res, fact)));
  await measure("admitHttp, shared through PostgreSQL (1 s sync)", (i) => shared.admitHttp(res, facts[i % SESSIONS]!));
  await shared.close();
}
authenticator.close();
identity.close();
