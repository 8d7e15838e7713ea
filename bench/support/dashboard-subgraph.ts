import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe } from "node:diagnostics_channel";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PostgreSqlConnection } from "@mikro-orm/postgresql";
import { runSubgraph } from "@portal/kit";
import { SUBGRAPHS } from "../../scripts/subgraphs.js";

/**
 * Child process of the dashboard benchmark: one subgraph as its production entry builds it (the
 * same `configure` from the environment, NODE_ENV=production), in a process of its own.
 *
 * It also counts the HTTP requests its server receives and the SQL statements its ORM sends while
 * answering them (the outbox relay's polling and other background work are left out), and serves
 * those counts on a second, tiny HTTP server: `GET /statements` answers `{ requests, count, sql }`
 * since the last `POST /statements/reset` (SQL only after `POST /statements/reset?sql=1`: the load runs
 * go without tracing, which costs CPU of its own).
 * Prints one JSON line when ready: { name, url, statsUrl }.
 */
const name = process.env.BENCH_SUBGRAPH ?? "";
const entry = SUBGRAPHS.find((candidate) => candidate.name === name);
if (!entry) throw new Error(`BENCH_SUBGRAPH must name a subgraph (${SUBGRAPHS.map((s) => s.name).join(", ")}), not "${name}"`);

// No real mail or payment provider from the caller's environment: the benchmark sends its demo
// client invoice and document emails, which must stay in the dev mailbox.
const env: NodeJS.ProcessEnv = { ...process.env };
for (const secret of ["POSTMARK_SERVER_TOKEN", "POSTMARK_API_URL", "STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"])
  delete env[secret];

const { definition, runtime } = await entry.configure(env);
const running = await runSubgraph(definition, runtime);

const inRequest = new AsyncLocalStorage<true>();
let requests = 0;
let count = 0;
let statements: string[] = [];
let countingSql = false;
// Everything a request to the subgraph's server runs, down to its SQL, carries the mark.
subscribe("http.server.request.start", (message) => {
  if ((message as { server?: Server }).server !== running.server) return;
  requests++;
  // Marking the request's async context has a CPU cost of its own: only while statements are counted.
  if (countingSql) inRequest.enterWith(true);
});
const knex = (running.orm.em.getConnection() as PostgreSqlConnection).getKnex();
knex.on("query", (query: { sql?: string }) => {
  if (!inRequest.getStore()) return;
  count++;
  if (statements.length < 200) statements.push(query.sql ?? "");
});

const stats = createServer((req, res) => {
  if (req.method === "POST" && req.url?.startsWith("/statements/reset")) {
    countingSql = req.url.endsWith("?sql=1");
    requests = 0;
    count = 0;
    statements = [];
    res.writeHead(204).end();
  } else if (req.method === "GET" && req.url === "/statements") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ requests, count, sql: statements }));
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
const statsUrl = `http://127.0.0.1:${(stats.address() as AddressInfo).port}`;
console.log(JSON.stringify({ name, url: running.url, statsUrl }));

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  stats.close();
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
