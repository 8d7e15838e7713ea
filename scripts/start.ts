import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compiledPath } from "./dev-build.js";
import { DEVELOPMENT_NODE_ARGS, startPortalProcesses } from "./portal-processes.js";
import { Supervisor, waitForLine } from "./processes.js";
import { assertPinnedNode } from "./runtime.js";
import { buildWebIfStale } from "./web-build.js";

/**
 * `npm start`: the whole portal on one machine with nothing configured. Three supervised processes:
 * embedded PostgreSQL (unless DATABASE_URL is set), the development host with every subgraph on its
 * own port (scripts/subgraph-host.ts, which also creates the demo data on a first run) and the
 * gateway. A child that exits on its own is started again (with backoff); Ctrl-C stops them all,
 * PostgreSQL last. This process itself loads no subgraph code, so it starts at once.
 *
 * It runs compiled, as its children do: `npm start` first runs scripts/dev-build.ts, then this
 * file's compiled copy; the children are compiled files too, so no process loads TypeScript.
 */
const startedAt = Date.now();
assertPinnedNode();
if (existsSync(".env")) process.loadEnvFile(".env");
const dataDir = process.env.PORTAL_DATA_DIR || ".data";
mkdirSync(dataDir, { recursive: true });

const gatewayPort = Number(process.env.GATEWAY_PORT || 4000);
const portalSecret = process.env.PORTAL_SECRET ?? persistentSecret(join(dataDir, "portal-secret"));
const demoSlug = process.env.DEFAULT_BUSINESS_SLUG ?? "brightside";
const operatorEmail = process.env.PLATFORM_OPERATOR_EMAILS?.split(",")[0]?.trim() || "operator@portal.test";

let shuttingDown = false;
const supervisor = new Supervisor({ nodeArgs: DEVELOPMENT_NODE_ARGS });
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT || 54321);
    const postgresDir = join(dataDir, "postgres");
    console.log(`Starting embedded PostgreSQL on port ${port} (data in ${postgresDir})…`);
    // Started first, so stopped last. After a restart it serves the same URL again and the other
    // processes reconnect on their own.
    const postgres = supervisor.start("postgres", compiledPath("scripts/embedded-postgres-main.ts"), {
      EMBEDDED_POSTGRES_PORT: String(port),
      EMBEDDED_POSTGRES_DIR: postgresDir,
    });
    databaseUrl = await waitForLine(postgres.process, "READY ");
  }

  buildWebIfStale();

  await startPortalProcesses(supervisor, {
    databaseUrl,
    portalSecret,
    env: process.env,
    operatorEmail,
    defaultBusinessSlug: demoSlug,
    webDistDir: "web/dist",
  });

  const base = `http://${demoSlug}.localhost:${gatewayPort}`;
  console.log(`
Client Portal is running (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)

  Portal (clients)      ${base}/            try alex@client.test
  Admin console (staff) ${base}/admin       try owner@brightside.test
  Platform operator     http://localhost:${gatewayPort}/operator   try ${operatorEmail}
  GraphQL endpoint      http://localhost:${gatewayPort}/graphql
  Dev mailbox           ${base}/dev/mailbox   sign-in links arrive here

A process that stops on its own is started again. Press Ctrl-C to stop everything.
`);
} catch (error) {
  console.error("\nStart-up failed:", error instanceof Error ? error.message : error);
  await shutdown(1);
}

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log("\nStopping…");
  await supervisor.stopAll();
  process.exit(code);
}

function persistentSecret(path: string): string {
  if (!existsSync(path)) writeFileSync(path, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(path, "utf8").trim();
}
