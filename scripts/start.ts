import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomToken } from "@portal/kit";
import { ProcessGroup, waitForHealth, waitForLine } from "./processes.js";
import { seedDemo } from "./seed.js";
import { buildWebIfStale } from "./web-build.js";
import { SUBGRAPHS } from "./subgraphs.js";

/**
 * `npm start`: the whole portal on one machine with nothing configured. Embedded PostgreSQL unless
 * DATABASE_URL is set, demo data on first run, each subgraph and the gateway in its own process.
 */
const startedAt = Date.now();
if (existsSync(".env")) process.loadEnvFile(".env");
mkdirSync(".data", { recursive: true });

const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
const portalSecret = process.env.PORTAL_SECRET ?? persistentSecret(".data/portal-secret");
const demoSlug = process.env.DEFAULT_BUSINESS_SLUG ?? "brightside";
const operatorEmail = process.env.PLATFORM_OPERATOR_EMAILS?.split(",")[0]?.trim() || "operator@portal.test";

let shuttingDown = false;
const group = new ProcessGroup((name, code) => {
  console.error(`\n${name} exited unexpectedly (code ${code}); stopping the portal.`);
  void shutdown(1);
});
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54321);
    console.log(`Starting embedded PostgreSQL on port ${port} (data in .data/postgres)…`);
    const postgres = group.start("postgres", "scripts/embedded-postgres-main.ts", { EMBEDDED_POSTGRES_PORT: String(port) });
    databaseUrl = await waitForLine(postgres, "READY ");
  }

  const seeded = await seedDemo({ databaseUrl, portalSecret, operatorEmail });
  if (seeded) console.log("Created demo data: Brightside Studio, its staff and contacts.");

  buildWebIfStale();

  const shared = {
    DATABASE_URL: databaseUrl,
    PORTAL_SECRET: portalSecret,
    NODE_ENV: process.env.NODE_ENV ?? "development",
    PLATFORM_OPERATOR_EMAILS: process.env.PLATFORM_OPERATOR_EMAILS ?? operatorEmail,
  };
  for (const subgraph of SUBGRAPHS) {
    group.start(subgraph.name, subgraph.entry, { ...shared, [`${subgraph.name.toUpperCase()}_PORT`]: String(subgraph.port) });
    await waitForHealth(`http://127.0.0.1:${subgraph.port}/health`);
  }
  group.start("gateway", "gateway/src/main.ts", {
    ...shared,
    GATEWAY_PORT: String(gatewayPort),
    DEFAULT_BUSINESS_SLUG: demoSlug,
    WEB_DIST_DIR: "web/dist",
    ...Object.fromEntries(SUBGRAPHS.map((s) => [s.urlVariable, `http://127.0.0.1:${s.port}/graphql`])),
  });
  await waitForHealth(`http://127.0.0.1:${gatewayPort}/readiness`);

  const base = `http://${demoSlug}.localhost:${gatewayPort}`;
  console.log(`
Client Portal is running (started in ${((Date.now() - startedAt) / 1000).toFixed(1)} s)

  Portal (clients)      ${base}/            try alex@client.test
  Admin console (staff) ${base}/admin       try owner@brightside.test
  Platform operator     http://localhost:${gatewayPort}/operator   try ${operatorEmail}
  GraphQL endpoint      http://localhost:${gatewayPort}/graphql
  Dev mailbox           ${base}/dev/mailbox   sign-in links arrive here

Press Ctrl-C to stop everything.
`);
} catch (error) {
  console.error("\nStart-up failed:", error instanceof Error ? error.message : error);
  await shutdown(1);
}

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log("\nStopping…");
  await group.stopAll();
  process.exit(code);
}

function persistentSecret(path: string): string {
  if (!existsSync(path)) writeFileSync(path, randomToken(32), { mode: 0o600 });
  return readFileSync(path, "utf8").trim();
}
