import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addTypenameToDocument } from "@apollo/client/utilities";
import { requestTarget, signCaller, type Actor, type CallerClaims } from "@portal/kit";
import autocannon from "autocannon";
import { parse, print } from "graphql";
import { SESSION_COOKIE } from "../gateway/src/cookies.js";
import { SUBGRAPHS } from "../scripts/subgraphs.js";
import { createDevelopmentCertificate } from "../subgraphs/documents/src/pdf/index.js";
import { benchDatabase } from "./support/bench-database.js";
import { GATEWAY_NODE_ARGS } from "../scripts/portal-processes.js";
import { cpuMillis, startChild, type Child } from "./support/child.js";
import { SignedSubgraph } from "../scripts/signed-subgraph.js";
import { addDocuments, addInvoices, seedDashboardParties, type DashboardParties } from "./support/dashboard-content.js";

/**
 * The client dashboard, as the web app asks for it, through our gateway and through Apollo Gateway
 * on the same supergraph and the same subgraphs, in one run (NODE_ENV=production, the load from this
 * process). Two layouts: "host", every subgraph in one process beside the gateway (the small
 * deployment, for a machine of a few cores like this one), and "processes", each subgraph in a
 * process of its own (the layout that spreads over many machines). Our gateway and Apollo's each in
 * a process of their own in both. Also: SQL statements per dashboard request with 5 and with 50
 * invoices and documents, and the CPU of a one-row read sent straight to identity.
 */
const CONNECTIONS = 20;
const DURATION_SECONDS = 12;
const WARM_UP_SECONDS = 3;
const FEW = 5;
const STATEMENT_SAMPLES = 5;
const MANY = 50;
const HOST = "brightside.localhost";
const ONE_ROW_QUERY = "{ portal { business { name } } }";
/** Where the subgraphs run: all in one host process, or each in its own. */
export type DashboardLayout = "host" | "processes";
/** The process that hosts every subgraph in the "host" layout. */
const HOST_PROCESS = "subgraph host";
const HOST_POOLS = { DATABASE_POOL_MAX: "4", JOBS_POOL_MAX: "2" };

/** The gateway under test and every process running subgraphs (automation too, though the dashboard asks it nothing). */
function processNames(layout: DashboardLayout): string[] {
  return ["gateway", ...(layout === "host" ? [HOST_PROCESS] : SUBGRAPHS.map((entry) => entry.name))];
}

export const DASHBOARD_TARGETS = {
  requestsPerSecond: 400,
  p99Ms: 100,
  ratioToApollo: 2,
  gatewayCpuMs: 1.5,
  oneRowCpuMs: 0.7,
  automationCpuMs: 0.05,
};

type ProcessName = string;

export interface DashboardLoad {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** CPU milliseconds per request of each process during the run (the gateway under test as "gateway"). */
  cpuMs: Record<ProcessName, number>;
  /** CPU milliseconds per request of every PostgreSQL process on this machine (the database answers the subgraphs' statements). */
  postgresCpuMs: number;
  /** CPU milliseconds per request of this benchmark's own process (autocannon, the load's client). */
  clientCpuMs: number;
  /** Share of the machine's CPU time (every core) that was busy during the run, 0–1. */
  machineBusy: number;
  /** HTTP calls each subgraph received per request (authentication included). */
  subgraphCalls: Record<string, number>;
  /** HTTP requests the subgraphs' servers received per request (a batch of calls is one). */
  subgraphExchanges: number;
}

/** SQL statements the subgraphs received per dashboard request, over a few requests one after the other. */
export interface Statements {
  /** The request with the fewest, by subgraph. */
  bySubgraph: Record<string, number>;
  fewest: number;
  most: number;
}

export interface DashboardBenchResult {
  layout: DashboardLayout;
  ours: DashboardLoad;
  apollo: DashboardLoad;
  statements: { ours: { few: Statements; many: Statements }; apollo: { few: Statements; many: Statements } };
  oneRow: { requestsPerSecond: number; p99: number; errors: number; identityCpuMs: number };
  /** CPU milliseconds per second of each process while nothing is asked of it, just before the runs. */
  idleCpuMsPerSecond: Record<string, number>;
}

interface SubgraphReady {
  name: string;
  url: string;
  statsUrl: string;
}

export async function dashboardBench(layout: DashboardLayout): Promise<DashboardBenchResult> {
  const secret = randomBytes(32).toString("hex");
  const database = await benchDatabase();
  const children: Child<unknown>[] = [];
  const supergraphPath = join(tmpdir(), `bench-dashboard-supergraph-${process.pid}.graphql`);
  try {
    // Each subgraph on a free port known in advance, so automation can be told where billing and documents answer.
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (entry) => [entry.name, await freePort()] as const)));
    const urls = Object.fromEntries(SUBGRAPHS.map((entry) => [entry.name, `http://127.0.0.1:${ports[entry.name]}/graphql`]));
    const certificate = createDevelopmentCertificate("Client Portal benchmark");
    const subgraphEnv = {
      DATABASE_URL: database.url,
      PORTAL_SECRET: secret,
      PORTAL_URL_TEMPLATE: "https://{slug}.portal.bench.test",
      PLATFORM_URL: "https://portal.bench.test",
      SIGNING_CERTIFICATE_P12: certificate.p12.toString("base64"),
      SIGNING_CERTIFICATE_PASSPHRASE: certificate.passphrase,
      ...Object.fromEntries(SUBGRAPHS.map((entry) => [entry.portVariable, String(ports[entry.name])])),
      ...Object.fromEntries(SUBGRAPHS.map((entry) => [entry.urlVariable, urls[entry.name]])),
    };
    // In the platform's start order: consumers subscribe before producers relay.
    const groups = layout === "host" ? [SUBGRAPHS.map((entry) => entry.name)] : SUBGRAPHS.map((entry) => [entry.name]);
    /** The process of each subgraph, and what each answers at. */
    const pidOf: Record<string, number> = {};
    const stats: SubgraphReady[] = [];
    for (const group of groups) {
      const child = await startChild<{ subgraphs: SubgraphReady[] }>(new URL("./support/dashboard-subgraph.ts", import.meta.url), {
        ...subgraphEnv,
        // One host of eight subgraphs with production's pools (14 connections each) would take most
        // of PostgreSQL's default 100; a host gets the development host's smaller ones.
        ...(group.length > 1 ? HOST_POOLS : {}),
        BENCH_SUBGRAPHS: group.join(","),
      });
      children.push(child);
      for (const ready of child.ready.subgraphs) {
        pidOf[ready.name] = child.pid;
        stats.push(ready);
      }
    }

    await writeFile(supergraphPath, await benchSupergraph(urls));
    const gatewayEnv = {
      BENCH_DATABASE_URL: database.url,
      BENCH_SECRET: secret,
      BENCH_SUPERGRAPH_PATH: supergraphPath,
      BENCH_IDENTITY_URL: urls.identity!,
      BENCH_DEFAULT_BUSINESS_SLUG: "brightside",
    };
    // Both gateways with the arguments ours runs with in production.
    const ours = await startChild<{ url: string }>(new URL("./support/gateway-process.ts", import.meta.url), gatewayEnv, GATEWAY_NODE_ARGS);
    children.push(ours);
    const apollo = await startChild<{ url: string }>(
      new URL("./support/apollo-gateway-process.ts", import.meta.url),
      gatewayEnv,
      GATEWAY_NODE_ARGS,
    );
    children.push(apollo);

    const parties = await seedDashboardParties(database.url, secret);
    const owner: Actor = { kind: "staff", id: parties.owner.id, role: "owner" };
    const billing = new SignedSubgraph(urls.billing!, secret, parties.business.id, owner, "bench");
    const documents = new SignedSubgraph(urls.documents!, secret, parties.business.id, owner, "bench");
    await addInvoices(billing, parties.client.id, 0, FEW);
    await addDocuments(documents, parties, 0, FEW);

    const body = await dashboardBody();
    const headers = { "content-type": "application/json", host: HOST, cookie: `${SESSION_COOKIE}=${parties.sessionToken}` };
    const gateways = { ours: ours.ready.url, apollo: apollo.ready.url };
    for (const url of Object.values(gateways)) await expectDashboard(url, headers, body, FEW);
    const statementsWithFew = {
      ours: await dashboardStatements(gateways.ours, headers, body, stats),
      apollo: await dashboardStatements(gateways.apollo, headers, body, stats),
    };

    const pids = (gateway: Child<unknown>): Record<ProcessName, number> => ({
      gateway: gateway.pid,
      ...(layout === "host" ? { [HOST_PROCESS]: pidOf.identity! } : pidOf),
    });
    const all = children.map((child) => child.pid);
    await settle(all); // the events of the demo data (emails, projections) are handled before measuring
    const { gateway: _, ...subgraphPids } = pids(ours);
    const idleCpuMsPerSecond = await idleCpu({ "our gateway": ours.pid, "Apollo Gateway": apollo.pid, ...subgraphPids });
    await load(gateways.ours, headers, body, WARM_UP_SECONDS, pids(ours), stats, layout);
    const oursLoad = await load(gateways.ours, headers, body, DURATION_SECONDS, pids(ours), stats, layout);
    await settle(all);
    await load(gateways.apollo, headers, body, WARM_UP_SECONDS, pids(apollo), stats, layout);
    const apolloLoad = await load(gateways.apollo, headers, body, DURATION_SECONDS, pids(apollo), stats, layout);
    await settle(all);
    const oneRow = await oneRowRead(urls.identity!, secret, parties, pidOf.identity!);

    await addInvoices(billing, parties.client.id, FEW, MANY - FEW);
    await addDocuments(documents, parties, FEW, MANY - FEW);
    for (const url of Object.values(gateways)) await expectDashboard(url, headers, body, MANY);
    const statementsWithMany = {
      ours: await dashboardStatements(gateways.ours, headers, body, stats),
      apollo: await dashboardStatements(gateways.apollo, headers, body, stats),
    };
    return {
      layout,
      ours: oursLoad,
      apollo: apolloLoad,
      statements: {
        ours: { few: statementsWithFew.ours, many: statementsWithMany.ours },
        apollo: { few: statementsWithFew.apollo, many: statementsWithMany.apollo },
      },
      oneRow,
      idleCpuMsPerSecond,
    };
  } finally {
    // Gateways first, then subgraphs in reverse start order; every one, whatever failed.
    for (const child of children.reverse()) await child.stop().catch((error) => console.error("[bench] a child did not stop:", error));
    await rm(supergraphPath, { force: true });
    await database.stop();
  }
}

export function printDashboardBench(result: DashboardBenchResult): void {
  const { layout, ours, apollo, statements, oneRow, idleCpuMsPerSecond } = result;
  const PROCESSES = processNames(layout);
  const total = (cpu: Record<ProcessName, number>) => PROCESSES.reduce((all, name) => all + cpu[name]!, 0);
  const ratio = ours.requestsPerSecond / Math.max(apollo.requestsPerSecond, 1e-9);
  const ms = (value: number) => value.toFixed(2).padStart(7);
  const row = (label: string, r: DashboardLoad) =>
    `  ${label.padEnd(15)}${r.requestsPerSecond.toFixed(0).padStart(7)} ${ms(r.p50)} ${ms(r.p99)} ${String(r.errors + r.non2xx).padStart(7)}  ${PROCESSES.map(
      (name) => ms(r.cpuMs[name]).padStart(name.length),
    ).join(
      " ",
    )} ${ms(total(r.cpuMs))} ${ms(r.postgresCpuMs).padStart(8)} ${ms(r.clientCpuMs).padStart(6)} ${`${(r.machineBusy * 100).toFixed(0)}%`.padStart(8)}`;
  const calls = (r: DashboardLoad) =>
    Object.entries(r.subgraphCalls)
      .map(([name, n]) => `${name} ${n.toFixed(2)}`)
      .join(", ");
  const sql = (s: Statements) =>
    `${s.fewest} (${Object.entries(s.bySubgraph)
      .map(([name, n]) => `${name} ${n}`)
      .join(", ")}${s.most > s.fewest ? `; ${s.most} in another request` : ""})`;
  const sameSql = statements.ours.few.fewest === statements.ours.many.fewest;
  const targets: [string, string, boolean][] = [
    [
      `dashboard ≥ ${DASHBOARD_TARGETS.requestsPerSecond} req/s`,
      `${ours.requestsPerSecond.toFixed(0)} req/s`,
      ours.requestsPerSecond >= DASHBOARD_TARGETS.requestsPerSecond,
    ],
    [`dashboard p99 ≤ ${DASHBOARD_TARGETS.p99Ms} ms`, `${ours.p99.toFixed(0)} ms`, ours.p99 <= DASHBOARD_TARGETS.p99Ms],
    [`ours ≥ ${DASHBOARD_TARGETS.ratioToApollo}× Apollo Gateway's req/s`, `${ratio.toFixed(2)}×`, ratio >= DASHBOARD_TARGETS.ratioToApollo],
    [
      `gateway CPU ≤ ${DASHBOARD_TARGETS.gatewayCpuMs} ms/request`,
      `${ours.cpuMs.gateway.toFixed(2)} ms`,
      ours.cpuMs.gateway <= DASHBOARD_TARGETS.gatewayCpuMs,
    ],
    [
      `one-row read CPU ≤ ${DASHBOARD_TARGETS.oneRowCpuMs} ms`,
      `${oneRow.identityCpuMs.toFixed(2)} ms`,
      oneRow.identityCpuMs <= DASHBOARD_TARGETS.oneRowCpuMs,
    ],
    // Only a subgraph in a process of its own shows what it costs when asked nothing.
    ...(layout === "processes"
      ? [
          [
            `automation CPU per dashboard request ≤ ${DASHBOARD_TARGETS.automationCpuMs} ms`,
            `${ours.cpuMs.automation!.toFixed(2)} ms`,
            ours.cpuMs.automation! <= DASHBOARD_TARGETS.automationCpuMs,
          ] as [string, string, boolean],
        ]
      : []),
    [`SQL statements the same for ${FEW} and ${MANY}`, `${statements.ours.few.fewest} and ${statements.ours.many.fewest}`, sameSql],
  ];
  console.log(
    [
      `Dashboard (the web app's PortalDashboard, a signed-in client with ${FEW} invoices and ${FEW} documents), ${CONNECTIONS} connections, ${DURATION_SECONDS} s each`,
      layout === "host"
        ? "Layout: every subgraph in one host process (the small deployment), each gateway in its own"
        : "Layout: each subgraph and each gateway in a process of its own",
      `  ${"".padEnd(15)}${"req/s".padStart(7)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)} ${"errors".padStart(7)}  CPU ms per request: ${PROCESSES.join(" ")}   total  postgres  client  machine busy`,
      row("our gateway", ours),
      row("Apollo Gateway", apollo),
      `  ours / Apollo: ${ratio.toFixed(2)}× req/s (headline)`,
      `  subgraph calls per request: our gateway ${calls(ours)}; Apollo Gateway ${calls(apollo)}`,
      `  HTTP exchanges with subgraphs per request (calls to subgraphs of one process go as one batch): our gateway ${ours.subgraphExchanges.toFixed(2)}, Apollo Gateway ${apollo.subgraphExchanges.toFixed(2)}`,
      ...(Object.values(ours.subgraphCalls).some((n) => n > 0 && n < 0.95)
        ? ["  (fewer than one call per request: identical subgraph calls in flight at once were answered by one)"]
        : []),
      `  idle CPU, ms per second: ${Object.entries(idleCpuMsPerSecond)
        .map(([name, n]) => `${name} ${n.toFixed(1)}`)
        .join(", ")}`,
      `SQL statements per dashboard request (the fewest of ${STATEMENT_SAMPLES} requests), with ${FEW} and with ${MANY} invoices and documents:`,
      `  our gateway     ${sql(statements.ours.few)}   ${sql(statements.ours.many)}`,
      `  Apollo Gateway  ${sql(statements.apollo.few)}   ${sql(statements.apollo.many)}`,
      `One-row read straight to identity (${ONE_ROW_QUERY}, signed), ${CONNECTIONS} connections, ${DURATION_SECONDS} s: ${oneRow.requestsPerSecond.toFixed(0)} req/s, p99 ${oneRow.p99.toFixed(2)} ms, identity CPU ${oneRow.identityCpuMs.toFixed(2)} ms/request, errors ${oneRow.errors}`,
      layout === "host"
        ? "Targets (the issue measured `npm start`, whose layout this is):"
        : "Targets, for comparison (one process per subgraph is the layout for several machines; here nine processes share two cores):",
      ...targets.map(([target, got, met]) => `  ${target.padEnd(48)} ${got.padStart(14)}  ${met ? "met" : "NOT met"}`),
    ].join("\n"),
  );
}

/** schema/supergraph.graphql with each subgraph's URL pointed at this run's port. */
async function benchSupergraph(urls: Record<string, string>): Promise<string> {
  const sdl = await readFile(new URL("../schema/supergraph.graphql", import.meta.url), "utf8");
  const seen = new Set<string>();
  const rewritten = sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_, name: string) => {
    const url = urls[name];
    if (!url) throw new Error(`schema/supergraph.graphql names a subgraph the benchmark does not run: ${name}`);
    seen.add(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const missing = Object.keys(urls).filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`schema/supergraph.graphql lacks ${missing.join(", ")}: run npm run schema`);
  return rewritten;
}

/**
 * The web app's PortalDashboard document, read from its page, sent as Apollo Client sends it:
 * `__typename` added to every selection, the operation name, empty variables and its extensions.
 */
async function dashboardBody(): Promise<string> {
  const page = await readFile(new URL("../web/src/portal/DashboardPage.tsx", import.meta.url), "utf8");
  const source = /graphql\(`(\s*query PortalDashboard\b[\s\S]*?)`\)/.exec(page)?.[1];
  if (!source) throw new Error("web/src/portal/DashboardPage.tsx has no `query PortalDashboard` document");
  const version = (createRequire(import.meta.url)("@apollo/client/package.json") as { version: string }).version;
  return JSON.stringify({
    operationName: "PortalDashboard",
    variables: {},
    extensions: { clientLibrary: { name: "@apollo/client", version } },
    query: print(addTypenameToDocument(parse(source))),
  });
}

interface DashboardData {
  viewer?: { contact?: { invoiceSummary?: { outstandingCount?: number }; documentSummary?: { waitingForSignature?: number } } };
}

/** The gateway's first answer: no errors, every field there, the client's invoices and documents counted. */
async function expectDashboard(url: string, headers: Record<string, string>, body: string, count: number): Promise<void> {
  const answer = await post(url, headers, body);
  const json = JSON.parse(answer.body) as { data?: DashboardData; errors?: unknown[] };
  const contact = json.data?.viewer?.contact;
  const problem =
    answer.status !== 200
      ? `HTTP ${answer.status}`
      : json.errors?.length
        ? "errors"
        : nullPath(json.data, "data")
          ? `${nullPath(json.data, "data")} is missing`
          : contact?.invoiceSummary?.outstandingCount !== count
            ? `outstandingCount is not ${count}`
            : contact?.documentSummary?.waitingForSignature !== count
              ? `waitingForSignature is not ${count}`
              : null;
  if (problem) throw new Error(`${url} did not answer the dashboard as expected (${problem}): ${answer.body}`);
}

/**
 * The first object the answer lacks: a null object field means a subgraph did not answer (a
 * section's summary, the viewer); a null scalar is an answer (no next due date, no course to resume).
 */
function nullPath(value: unknown, path: string): string | null {
  if (value === null || value === undefined) return path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = nullPath(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (item === null && !OBJECT_FIELD.test(key)) continue;
      const found = nullPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** Fields of the dashboard that hold objects: sections' summaries and the viewer's parts. */
const OBJECT_FIELD = /Summary$|^(viewer|contact|portal|settings)$/;

/**
 * SQL statements the subgraphs received per dashboard request, over a few requests one after the
 * other (after one uncounted request warmed every cache); they can vary when resolvers race for the
 * same row. BENCH_SHOW_SQL=1 prints those of the request with the fewest.
 */
async function dashboardStatements(
  url: string,
  headers: Record<string, string>,
  body: string,
  subgraphs: SubgraphReady[],
): Promise<Statements> {
  await post(url, headers, body);
  const samples: Record<string, SubgraphStats>[] = [];
  for (let i = 0; i < STATEMENT_SAMPLES; i++) {
    await resetStats(subgraphs, true);
    const answer = await post(url, headers, body);
    if (answer.status !== 200) throw new Error(`${url} answered ${answer.status} while counting statements`);
    samples.push(await readStats(subgraphs));
  }
  const totals = samples.map((sample) => Object.values(sample).reduce((all, { count }) => all + count, 0));
  const fewest = Math.min(...totals);
  const sample = samples[totals.indexOf(fewest)]!;
  if (process.env.BENCH_SHOW_SQL)
    for (const [name, { sql }] of Object.entries(sample)) for (const statement of sql) console.log(`  [${name}] ${statement}`);
  return {
    bySubgraph: Object.fromEntries(Object.entries(sample).flatMap(([name, { count }]) => (count > 0 ? [[name, count]] : []))),
    fewest,
    most: Math.max(...totals),
  };
}

interface SubgraphStats {
  requests: number;
  exchanges: number;
  count: number;
  sql: string[];
}

/**
 * Starts the subgraphs' counts afresh: requests always, SQL statements only with `sql` (tracing each
 * request's SQL costs CPU of its own, so the load runs go without it).
 */
async function resetStats(subgraphs: SubgraphReady[], sql = false): Promise<void> {
  await Promise.all(subgraphs.map((s) => post(`${s.statsUrl}/statements/reset${sql ? "?sql=1" : ""}`, {}, "")));
}

async function readStats(subgraphs: SubgraphReady[]): Promise<Record<string, SubgraphStats>> {
  const stats = await Promise.all(
    subgraphs.map(async (s) => [s.name, JSON.parse((await get(`${s.statsUrl}/statements`)).body) as SubgraphStats] as const),
  );
  return Object.fromEntries(stats);
}

async function load(
  url: string,
  headers: Record<string, string>,
  body: string,
  duration: number,
  pids: Record<ProcessName, number>,
  subgraphs: SubgraphReady[],
  layout: DashboardLayout,
): Promise<DashboardLoad> {
  const PROCESSES = processNames(layout);
  await resetStats(subgraphs);
  const before = Object.fromEntries(PROCESSES.map((name) => [name, cpuMillis(pids[name])]));
  const postgresBefore = postgresCpuMillis();
  const clientBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const result = await autocannon({ url, method: "POST", headers, body, connections: CONNECTIONS, duration });
  const requests = Math.max(1, result.requests.total);
  const stats = await readStats(subgraphs);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors,
    non2xx: result.non2xx,
    cpuMs: Object.fromEntries(PROCESSES.map((name) => [name, (cpuMillis(pids[name]) - before[name]!) / requests])) as Record<
      ProcessName,
      number
    >,
    postgresCpuMs: (postgresCpuMillis() - postgresBefore) / requests,
    clientCpuMs: cpuUsageMillis(process.cpuUsage(clientBefore)) / requests,
    machineBusy: busyShare(machineBefore, machineTicks()),
    subgraphCalls: Object.fromEntries(Object.entries(stats).map(([name, { requests: calls }]) => [name, calls / requests])),
    subgraphExchanges: Object.values(stats).reduce((all, { exchanges }) => all + exchanges, 0) / requests,
  };
}

/** `{ portal { business { name } } }` straight to identity, signed for the client as the gateway signs it. */
async function oneRowRead(identityUrl: string, secret: string, parties: DashboardParties, identityPid: number) {
  const body = JSON.stringify({ query: ONE_ROW_QUERY });
  const caller: CallerClaims = {
    businessId: parties.business.id,
    actor: { kind: "contact", id: parties.client.id },
    ip: "127.0.0.1",
    userAgent: "autocannon",
  };
  // Signed afresh before each run: a signature is good for 30 s.
  const headers = () => ({
    "content-type": "application/json",
    ...signCaller(secret, caller, { method: "POST", path: requestTarget(identityUrl), body }),
  });
  const check = await post(identityUrl, headers(), body);
  if (!JSON.parse(check.body).data?.portal?.business?.name) throw new Error(`identity did not answer ${ONE_ROW_QUERY}: ${check.body}`);
  await autocannon({ url: identityUrl, method: "POST", headers: headers(), body, connections: CONNECTIONS, duration: WARM_UP_SECONDS });
  const before = cpuMillis(identityPid);
  const result = await autocannon({
    url: identityUrl,
    method: "POST",
    headers: headers(),
    body,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
  });
  return {
    requestsPerSecond: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    identityCpuMs: (cpuMillis(identityPid) - before) / Math.max(1, result.requests.total),
  };
}

/** CPU milliseconds per second each process uses over 2 s in which nothing is asked of it. */
async function idleCpu(pids: Record<string, number>): Promise<Record<string, number>> {
  const named = Object.entries(pids);
  const before = named.map(([, pid]) => cpuMillis(pid));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return Object.fromEntries(named.map(([name, pid], i) => [name, (cpuMillis(pid) - before[i]!) / 2]));
}

/**
 * Waits (up to 60 s) until the processes are nearly idle, so work left from setting up (events,
 * emails, projections) is not counted against the requests measured next.
 */
async function settle(pids: number[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  const used = () => pids.reduce((all, pid) => all + cpuMillis(pid), 0);
  while (Date.now() < deadline) {
    const before = used();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    if (used() - before <= 20 * pids.length) return; // ≤ 2% of a core each
  }
}

function cpuUsageMillis(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** The machine's CPU ticks since boot, busy and in all (the first line of /proc/stat: every core). */
function machineTicks(): { busy: number; all: number } {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const all = fields.reduce((sum, value) => sum + value, 0);
  const idle = fields[3]! + (fields[4] ?? 0); // idle and iowait
  return { busy: all - idle, all };
}

function busyShare(before: { busy: number; all: number }, after: { busy: number; all: number }): number {
  return (after.busy - before.busy) / Math.max(1, after.all - before.all);
}

/** CPU time of every process named postgres on this machine so far (the server and its backends). */
function postgresCpuMillis(): number {
  let sum = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") sum += cpuMillis(Number(pid));
    } catch {
      // the process ended while being read
    }
  }
  return sum;
}

function post(url: string, headers: Record<string, string>, body: string) {
  return send(url, "POST", headers, body);
}

function get(url: string) {
  return send(url, "GET", {}, undefined);
}

/** node:http rather than fetch, which would not send our Host header. */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method, headers: body === undefined ? headers : { ...headers, "content-length": Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
