import { ownDatabase, TEST_SECRET } from "@portal/kit";
import { afterEach, describe, expect, inject, it } from "vitest";
import { buildForDevelopment } from "../scripts/dev-build.js";
import { freePorts } from "../scripts/free-ports.js";
import {
  DEVELOPMENT_NODE_ARGS,
  GATEWAY_NODE_ARGS,
  portalAnswers,
  portalEnvironment,
  startPortalProcesses,
  type PortalProcessOptions,
} from "../scripts/portal-processes.js";
import { Supervisor, waitForLine } from "../scripts/processes.js";
import { seedDemo } from "../scripts/seed.js";
import { SUBGRAPHS } from "../scripts/subgraphs.js";

/**
 * The two ways the portal's processes run: `npm start`'s development host (every subgraph in one
 * process, compiled; scripts/subgraph-host.ts) and the production layout (one process per subgraph,
 * each its own `src/main.ts`). Both against a database of their own, on free ports.
 */
const OPERATOR = "operator@portal.test";

async function scratchDatabase(): Promise<string> {
  const database = ownDatabase(inject("databaseUrl" as never) as string, "start_modes");
  await database.create();
  cleanups.push(database.drop);
  return database.url;
}

async function processOptions(databaseUrl: string): Promise<PortalProcessOptions> {
  const names = ["GATEWAY_PORT", ...SUBGRAPHS.map((subgraph) => subgraph.portVariable)];
  const ports = await freePorts(names.length);
  // Small pools, as the test suite's other subgraphs share this PostgreSQL's connections.
  const pools = { DATABASE_POOL_MAX: "3", JOBS_POOL_MAX: "2" };
  const env = { NODE_ENV: "development", ...pools, ...Object.fromEntries(names.map((name, i) => [name, String(ports[i])])) };
  return { databaseUrl, portalSecret: TEST_SECRET, env, operatorEmail: OPERATOR, defaultBusinessSlug: "brightside", timeoutMs: 90_000 };
}

/** The demo business's name, asked of the gateway on the platform host (identity answers it). */
async function businessName(gatewayPort: number): Promise<unknown> {
  const response = await fetch(`http://localhost:${gatewayPort}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ portal { business { name } } }" }),
  });
  return ((await response.json()) as { data?: { portal?: { business?: { name?: string } } } }).data?.portal?.business?.name;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function supervised(nodeArgs?: string[]): { supervisor: Supervisor; spawned: { name: string; pid: number }[] } {
  const supervisor = new Supervisor({ nodeArgs, log: () => {} });
  const spawned: { name: string; pid: number }[] = [];
  supervisor.on("spawn", (name, child) => spawned.push({ name, pid: child.pid! }));
  cleanups.push(() => supervisor.stopAll());
  return { supervisor, spawned };
}

describe("how the portal's processes run", () => {
  it("npm start: one development host runs every subgraph, compiled, migrates, creates the demo and answers through the gateway", async () => {
    await buildForDevelopment();
    const options = await processOptions(await scratchDatabase());
    const { supervisor, spawned } = supervised(DEVELOPMENT_NODE_ARGS);

    let seeded: Promise<string> | undefined;
    supervisor.once("spawn", (_name, host) => {
      seeded = waitForLine(host, "Demo content ready", 120_000);
    });
    const running = await startPortalProcesses(supervisor, options);

    expect(spawned.map((child) => child.name)).toEqual(["subgraphs", "gateway"]);
    expect(Object.keys(running.subgraphUrls).sort()).toEqual(SUBGRAPHS.map((subgraph) => subgraph.name).sort());
    expect(await businessName(running.gatewayPort)).toBe("Brightside Studio");
    await seeded;

    await supervisor.stopAll();
    expect(running.host.state).toBe("stopped");
    expect(running.host.process.exitCode).toBe(0);
  }, 150_000);

  it("production layout: each subgraph is its own process from its src/main.ts, behind the gateway's own", async () => {
    const options = await processOptions(await scratchDatabase());
    await seedDemo({ databaseUrl: options.databaseUrl, portalSecret: TEST_SECRET, operatorEmail: OPERATOR });
    const environment = portalEnvironment(options);
    const { supervisor, spawned } = supervised(); // TypeScript sources through tsx, as the README's production commands run them

    for (const subgraph of environment.subgraphs) supervisor.start(subgraph.name, subgraph.entry, environment.subgraph);
    supervisor.start("gateway", "gateway/src/main.ts", environment.gateway, GATEWAY_NODE_ARGS);
    await portalAnswers(environment, 90_000);

    expect(spawned.map((child) => child.name)).toEqual([...environment.subgraphs.map((s) => s.name), "gateway"]);
    expect(new Set(spawned.map((child) => child.pid)).size).toBe(environment.subgraphs.length + 1);
    expect(await businessName(environment.gatewayPort)).toBe("Brightside Studio");
  }, 150_000);
});
