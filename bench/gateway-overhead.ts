import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import { requestTarget, signBody, signCaller, type Actor } from "@portal/kit";
import { benchDatabase } from "./support/bench-database.js";
import { cpuMillis, startChild } from "./support/child.js";

const QUERY = "{ portal { business { name } } }";
const CONNECTIONS = 10;
const DURATION_SECONDS = 8;
const TARGET_P99_RATIO = 1.5;

export interface LoadResult {
  p50: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  /** CPU milliseconds per request spent in the subgraph and in the gateway processes. */
  subgraphCpuMs: number;
  gatewayCpuMs: number;
}

export interface GatewayOverheadResult {
  subgraph: string;
  direct: LoadResult;
  gateway: LoadResult;
  p50Ratio: number;
  p99Ratio: number;
  meetsTarget: boolean;
}

/**
 * The same single-subgraph query sent straight to the subgraph (signed as the gateway would) and
 * through the gateway, at the same fixed concurrency, each server in its own process.
 */
export async function gatewayOverhead(): Promise<GatewayOverheadResult> {
  const secret = randomBytes(32).toString("hex");
  const database = await benchDatabase();
  const subgraph = await startChild<{ url: string; supergraphPath: string; defaultBusinessSlug: string; kind: string }>(
    new URL("./support/subgraph-process.ts", import.meta.url),
    {
      BENCH_DATABASE_URL: database.url,
      BENCH_SECRET: secret,
    },
  );
  let gateway: Awaited<ReturnType<typeof startGatewayChild>> | undefined;
  try {
    gateway = await startGatewayChild(database.url, secret, subgraph.ready);
    const body = JSON.stringify({ query: QUERY });
    const businessId = await demoBusinessId(subgraph.ready.url, secret, subgraph.ready.defaultBusinessSlug);
    // Signed for exactly this POST, afresh before each run: a signature is only good for 30 s.
    const caller = { businessId, actor: { kind: "anonymous", id: null } as Actor, ip: "127.0.0.1", userAgent: "autocannon" };
    const directHeaders = () => ({
      "content-type": "application/json",
      ...signCaller(secret, caller, { method: "POST", path: requestTarget(subgraph.ready.url), body }),
    });
    const gatewayHeaders = { "content-type": "application/json" };
    await expectAnswer(subgraph.ready.url, directHeaders(), body);
    await expectAnswer(gateway.ready.url, gatewayHeaders, body);

    const pids = { subgraph: subgraph.pid, gateway: gateway.pid };
    await load(subgraph.ready.url, directHeaders(), body, 2, pids); // warm-up: JIT, pools, caches
    const direct = await load(subgraph.ready.url, directHeaders(), body, DURATION_SECONDS, pids);
    await load(gateway.ready.url, gatewayHeaders, body, 2, pids);
    const viaGateway = await load(gateway.ready.url, gatewayHeaders, body, DURATION_SECONDS, pids);
    const p99Ratio = viaGateway.p99 / direct.p99;
    return {
      subgraph: subgraph.ready.kind,
      direct,
      gateway: viaGateway,
      p50Ratio: viaGateway.p50 / direct.p50,
      p99Ratio,
      meetsTarget: p99Ratio <= TARGET_P99_RATIO,
    };
  } finally {
    await gateway?.stop();
    await subgraph.stop();
    await database.stop();
  }
}

function startGatewayChild(
  databaseUrl: string,
  secret: string,
  subgraph: { url: string; supergraphPath: string; defaultBusinessSlug: string },
) {
  const profile = process.env.BENCH_PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  return startChild<{ url: string }>(
    new URL("./support/gateway-process.ts", import.meta.url),
    {
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_SECRET: secret,
      BENCH_SUPERGRAPH_PATH: subgraph.supergraphPath,
      BENCH_IDENTITY_URL: subgraph.url,
      BENCH_DEFAULT_BUSINESS_SLUG: subgraph.defaultBusinessSlug,
    },
    profile,
  );
}

export function printGatewayOverhead(result: GatewayOverheadResult): void {
  const row = (label: string, r: LoadResult) =>
    `  ${label.padEnd(9)} p50 ${r.p50.toFixed(2).padStart(7)} ms   p99 ${r.p99.toFixed(2).padStart(7)} ms   ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s   CPU/request: subgraph ${r.subgraphCpuMs.toFixed(2)} ms, gateway ${r.gatewayCpuMs.toFixed(2)} ms   errors ${r.errors + r.non2xx}`;
  console.log(`Gateway overhead: ${QUERY} against the ${result.subgraph}, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each`);
  console.log(row("direct", result.direct));
  console.log(row("gateway", result.gateway));
  console.log(
    `  ratio     p50 ${result.p50Ratio.toFixed(2)}x   p99 ${result.p99Ratio.toFixed(2)}x   (target p99 ≤ ${TARGET_P99_RATIO}x: ${result.meetsTarget ? "met" : "NOT met"})`,
  );
}

async function demoBusinessId(subgraphUrl: string, secret: string, slug: string): Promise<string | null> {
  const body = JSON.stringify({ host: "localhost", defaultBusinessSlug: slug });
  const response = await fetch(new URL("/internal/authenticate", subgraphUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...signBody(secret, body) },
    body,
  });
  const answer = (await response.json()) as { business: { id: string } | null; actor: Actor };
  return answer.business?.id ?? null;
}

async function expectAnswer(url: string, headers: Record<string, string>, body: string): Promise<void> {
  const response = await fetch(url, { method: "POST", headers, body });
  const json = (await response.json()) as { data?: { portal?: { business?: { name: string } | null } }; errors?: unknown };
  if (!json.data?.portal?.business?.name) throw new Error(`${url} did not answer the benchmark query: ${JSON.stringify(json)}`);
}

async function load(
  url: string,
  headers: Record<string, string>,
  body: string,
  duration: number,
  pids: { subgraph: number; gateway: number },
): Promise<LoadResult> {
  const before = { subgraph: cpuMillis(pids.subgraph), gateway: cpuMillis(pids.gateway) };
  const result = await autocannon({ url, method: "POST", headers, body, connections: CONNECTIONS, duration });
  const requests = Math.max(1, result.requests.total);
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    requestsPerSecond: result.requests.average,
    errors: result.errors,
    non2xx: result.non2xx,
    subgraphCpuMs: (cpuMillis(pids.subgraph) - before.subgraph) / requests,
    gatewayCpuMs: (cpuMillis(pids.gateway) - before.gateway) / requests,
  };
}
