import { subscribe } from "node:diagnostics_channel";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { IncomingMessage } from "node:http";
import {
  BATCH_PATH,
  PART_START_CHANNEL,
  recordStatements,
  runSubgraph,
  type RunningSubgraphProcess,
  type StatementRecorder,
} from "@portal/kit";
import { SUBGRAPHS } from "../../scripts/subgraphs.js";

/**
 * Child process of the dashboard benchmark: one subgraph, or several in one process (the small
 * deployment's subgraph host), each as its production entry builds it (the same `configure` from
 * the environment, NODE_ENV=production) on its own port.
 *
 * It also counts the calls each subgraph answers (an HTTP request of its own, or a part of a batch
 * another subgraph of the process received), the HTTP requests each server receives, and the SQL statements it sends
 * while answering them (the outbox relay's polling and other background work are left out),
 * and serves those counts on a second, tiny HTTP server: `GET /<name>/statements` answers
 * `{ requests, exchanges, count, sql }` since the last `POST /<name>/statements/reset` (SQL only after
 * `POST /<name>/statements/reset?sql=1`: the load runs go without tracing, which costs CPU of its own).
 * Prints one JSON line when ready: { subgraphs: [{ name, url, statsUrl }] }.
 */
const names = (process.env.BENCH_SUBGRAPHS ?? "").split(",").filter(Boolean);
const entries = names.map((name) => {
  const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`BENCH_SUBGRAPHS must name subgraphs (${SUBGRAPHS.map((s) => s.name).join(", ")}), not "${name}"`);
  return entry;
});
if (!entries.length) throw new Error("BENCH_SUBGRAPHS names no subgraph");

// No real mail or payment provider from the caller's environment: the benchmark sends its demo
// client invoice and document emails, which must stay in the dev mailbox.
const env: NodeJS.ProcessEnv = { ...process.env };
for (const secret of ["POSTMARK_SERVER_TOKEN", "POSTMARK_API_URL", "STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"])
  delete env[secret];

interface Counts {
  /** Calls answered: GraphQL requests of its own and parts of batches. */
  requests: number;
  /** HTTP requests its server received (a batch is one). */
  exchanges: number;
  /** Records the statements while they are counted (recording costs CPU of its own, so not during load runs). */
  recorder: StatementRecorder | null;
}

const hosted: { name: string; running: RunningSubgraphProcess; counts: Counts }[] = [];
// In start order: consumers subscribe before producers relay.
for (const entry of entries) {
  const { definition, runtime } = await entry.configure(env);
  const running = await runSubgraph(definition, runtime);
  hosted.push({ name: entry.name, running, counts: { requests: 0, exchanges: 0, recorder: null } });
}

subscribe("http.server.request.start", (message) => {
  const { server, request } = message as { server?: Server; request?: IncomingMessage };
  const found = hosted.find((h) => h.running.server === server);
  if (!found) return;
  found.counts.exchanges++;
  if (request?.url !== BATCH_PATH) found.counts.requests++;
});
subscribe(PART_START_CHANNEL, (message) => {
  const found = hosted.find((h) => h.running.server === (message as { server?: Server }).server);
  if (found) found.counts.requests++;
});

const stats = createServer((req, res) => {
  const [, name, action] = /^\/([^/]+)\/(statements(?:\/reset)?)/.exec(req.url ?? "") ?? [];
  const subgraph = hosted.find((h) => h.name === name);
  const counts = subgraph?.counts;
  if (!subgraph || !counts) {
    res.writeHead(404).end();
  } else if (req.method === "POST" && action === "statements/reset") {
    counts.recorder?.stop();
    counts.recorder = req.url!.endsWith("?sql=1") ? recordStatements(subgraph.running.server) : null;
    counts.requests = 0;
    counts.exchanges = 0;
    res.writeHead(204).end();
  } else if (req.method === "GET" && action === "statements") {
    const sql = counts.recorder?.statements ?? [];
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ requests: counts.requests, exchanges: counts.exchanges, count: sql.length, sql }));
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
const statsBase = `http://127.0.0.1:${(stats.address() as AddressInfo).port}`;
console.log(
  JSON.stringify({ subgraphs: hosted.map(({ name, running }) => ({ name, url: running.url, statsUrl: `${statsBase}/${name}` })) }),
);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  stats.close();
  // Producers before the consumers of their events: the reverse of the start order.
  for (const { name, running } of [...hosted].reverse())
    await running.stop().catch((error) => console.error(`[bench ${name}] failed to stop cleanly`, error));
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
// The benchmark was killed without stopping us: don't outlive it.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown();
}, 1000).unref();
