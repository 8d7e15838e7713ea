import { compiledPath } from "./dev-build.js";
import { type SupervisedChild, type Supervisor, waitForHealth } from "./processes.js";
import { SUBGRAPHS, subgraphPort } from "./subgraphs.js";

/** Node.js arguments of the development processes (they run compiled: see scripts/dev-build.ts). */
export const DEVELOPMENT_NODE_ARGS = [
  // Stack traces point into the TypeScript sources.
  "--enable-source-maps",
  // V8 would let its young generation grow to 64 MB per process while modules load; a development
  // server has one user, and 8 MB semi-spaces start as fast while keeping some 40 MB less each.
  "--max-semi-space-size=8",
];

/**
 * Node.js arguments of the gateway process, wherever it runs (`npm start`, the production layout,
 * a container, the benchmarks). A gateway holds thousands of idle live subscriptions; a burst of
 * WebSocket handshakes (reconnecting clients after a deploy) is mostly short-lived garbage, and with
 * V8's default young generation (semi-spaces growing to 32 MB) much of it is promoted and the heap
 * grows and keeps what it grew: about 30 kB of resident memory per subscriber for 10,000 opened at
 * once, against 13 kB with 4 MB semi-spaces (`npm run bench -- communities`, docs/performance.md).
 */
export const GATEWAY_NODE_ARGS = ["--max-semi-space-size=4"];

export interface PortalProcessOptions {
  databaseUrl: string;
  portalSecret: string;
  /** Where ports and settings are read from (IDENTITY_PORT, GATEWAY_PORT, STRIPE_*, …). */
  env: NodeJS.ProcessEnv;
  operatorEmail: string;
  defaultBusinessSlug: string;
  webDistDir?: string;
  /** How long every subgraph and the gateway may take to answer. */
  timeoutMs?: number;
}

export interface PortalProcesses {
  host: SupervisedChild;
  gateway: SupervisedChild;
  gatewayPort: number;
  /** Each subgraph's /graphql URL by name. */
  subgraphUrls: Record<string, string>;
}

/** The environment of every process of a portal: shared settings, each subgraph's port, the gateway's. */
export interface PortalEnvironment {
  gatewayPort: number;
  subgraphs: { name: string; entry: string; port: number; portVariable: string; url: string }[];
  /** What every subgraph process reads (database, secret, where the others answer, links in emails). */
  subgraph: Record<string, string>;
  gateway: Record<string, string>;
}

export function portalEnvironment(options: PortalProcessOptions): PortalEnvironment {
  const { env } = options;
  const gatewayPort = Number(env.GATEWAY_PORT || 4000);
  const subgraphs = SUBGRAPHS.map((entry) => {
    const port = subgraphPort(entry, env);
    return {
      name: entry.name,
      entry: entry.entry,
      port,
      portVariable: entry.portVariable,
      urlVariable: entry.urlVariable,
      url: `http://127.0.0.1:${port}/graphql`,
    };
  });
  const shared = {
    DATABASE_URL: options.databaseUrl,
    PORTAL_SECRET: options.portalSecret,
    NODE_ENV: env.NODE_ENV || "development",
    PLATFORM_OPERATOR_EMAILS: env.PLATFORM_OPERATOR_EMAILS || options.operatorEmail,
    // PostgreSQL connections per subgraph, when asked for (the development host otherwise keeps them small).
    ...(env.DATABASE_POOL_MAX ? { DATABASE_POOL_MAX: env.DATABASE_POOL_MAX } : {}),
    ...(env.JOBS_POOL_MAX ? { JOBS_POOL_MAX: env.JOBS_POOL_MAX } : {}),
    // Where each subgraph answers, for the gateway and for subgraphs that call each other.
    ...Object.fromEntries(subgraphs.map((s) => [s.urlVariable, s.url])),
  };
  return {
    gatewayPort,
    subgraphs,
    subgraph: {
      ...shared,
      ...Object.fromEntries(subgraphs.map((s) => [s.portVariable, String(s.port)])),
      GATEWAY_PORT: String(gatewayPort),
      // Links in emails point at this portal's gateway, whatever port it runs on.
      PORTAL_URL_TEMPLATE: env.PORTAL_URL_TEMPLATE || `http://{slug}.localhost:${gatewayPort}`,
      PLATFORM_URL: env.PLATFORM_URL || `http://localhost:${gatewayPort}`,
    },
    gateway: {
      ...shared,
      GATEWAY_PORT: String(gatewayPort),
      DEFAULT_BUSINESS_SLUG: options.defaultBusinessSlug,
      ...(options.webDistDir ? { WEB_DIST_DIR: options.webDistDir } : {}),
    },
  };
}

/**
 * What `npm start` runs once the database is there: the development host with every subgraph
 * (scripts/subgraph-host.ts) and the gateway, two supervised processes, started together (the
 * gateway needs no subgraph to start: it reads the supergraph from a file). Started after the host,
 * the gateway is stopped before it. Resolves once every subgraph and the gateway answer.
 */
export async function startPortalProcesses(supervisor: Supervisor, options: PortalProcessOptions): Promise<PortalProcesses> {
  const environment = portalEnvironment(options);
  const host = supervisor.start("subgraphs", compiledPath("scripts/subgraph-host.ts"), environment.subgraph);
  const gateway = supervisor.start("gateway", compiledPath("gateway/src/main.ts"), environment.gateway, GATEWAY_NODE_ARGS);
  const timeoutMs = options.timeoutMs ?? 120_000;
  await portalAnswers(environment, timeoutMs);
  const subgraphUrls = Object.fromEntries(environment.subgraphs.map((s) => [s.name, s.url]));
  return { host, gateway, gatewayPort: environment.gatewayPort, subgraphUrls };
}

/** Resolves once every subgraph's /health and the gateway's /readiness answer. */
export async function portalAnswers(environment: PortalEnvironment, timeoutMs: number): Promise<void> {
  await Promise.all([
    ...environment.subgraphs.map((subgraph) => waitForHealth(`http://127.0.0.1:${subgraph.port}/health`, timeoutMs)),
    waitForHealth(`http://127.0.0.1:${environment.gatewayPort}/readiness`, timeoutMs),
  ]);
}
