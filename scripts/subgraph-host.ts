import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import "reflect-metadata";
import { runSubgraph, type RunningSubgraphProcess } from "@portal/kit";
import { assertPinnedNode } from "./runtime.js";
import { finishSeeding, seedDemo } from "./seed.js";
import { SUBGRAPHS } from "./subgraphs.js";

/**
 * Every subgraph in this one Node.js process, each on its own port and configured from the
 * environment exactly as its production entry (src/main.ts) would be. The libraries they share
 * (GraphQL, MikroORM, Apollo Server, pg-boss) load and compile once instead of once per subgraph,
 * which is what makes the start fast and the memory small.
 *
 * Two uses:
 * - `npm start`'s development host. Before the subgraphs start it applies their migrations and
 *   creates the demo business on a first run; once all of them answer, it adds the demo's invoices
 *   and documents (scripts/seed.ts).
 * - The small deployment (`portal subgraphs` in the image, NODE_ENV=production): on a machine of a
 *   few cores, one process for every subgraph beside the gateway costs less CPU per request than
 *   eight processes contending for the same cores (docs/performance.md, "Layouts"). No demo data.
 *   A deployment over many machines runs one process per subgraph instead.
 *
 * A crash anywhere in here (an uncaught exception or an unhandled rejection, whichever subgraph it
 * came from, or a subgraph that fails to start) ends the whole process with code 1: its state is
 * then unknown, and the subgraphs share it. The supervisor in scripts/start.ts (or the container's
 * restart policy) starts the host again, and with it every subgraph; the gateway keeps running and
 * answers for the missing subgraphs with errors until they are back.
 */
assertPinnedNode();
const env = process.env;
const operatorEmail = env.PLATFORM_OPERATOR_EMAILS?.split(",")[0]?.trim() || "operator@portal.test";

const running: { name: string; subgraph: RunningSubgraphProcess }[] = [];
const production = env.NODE_ENV === "production";
/** PostgreSQL connections per subgraph: eight subgraphs with one process's pools (14 each) would take most of PostgreSQL's default 100. */
const HOST_POOLS = { queries: 4, jobs: 2 };
let stopping = false;
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

// Every configuration first, so a wrong variable stops the host before anything starts.
const configured = await Promise.all(SUBGRAPHS.map(async (entry) => ({ name: entry.name, ...(await entry.configure(env)) })));
const { databaseUrl, gatewaySecret: portalSecret } = configured[0]!.runtime;

const demo = production ? null : await seedDemo({ databaseUrl, portalSecret, operatorEmail });
if (demo?.created) console.log("Created demo data: Brightside Studio, its staff and contacts.");

for (const { name, definition, runtime, note, warnings } of configured) {
  if (stopping) break;
  // DATABASE_POOL_MAX / JOBS_POOL_MAX still win.
  const connections = runtime.connections ?? HOST_POOLS;
  const subgraph = await startOrExplain(name, () => runSubgraph(definition, { ...runtime, connections }));
  running.push({ name, subgraph });
  console.log(`[${name}] listening on ${subgraph.url}${note ? ` (${note})` : ""}`);
  for (const warning of warnings) console.warn(`[${name}] ${warning}`);
}

if (!stopping && demo) {
  const urlOf = (name: string) => running.find((entry) => entry.name === name)!.subgraph.url;
  void finishSeeding(demo, {
    databaseUrl,
    portalSecret,
    billingUrl: urlOf("billing"),
    documentsUrl: urlOf("documents"),
    communitiesUrl: urlOf("communities"),
    coursesUrl: urlOf("courses"),
    appointmentsUrl: urlOf("appointments"),
    affiliatesUrl: urlOf("affiliates"),
    identityUrl: urlOf("identity"),
    stopping: () => stopping,
  });
}

/** Says which subgraph could not start before the error ends the host. */
async function startOrExplain<T>(name: string, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    console.error(`[${name}] failed to start`);
    throw error;
  }
}

/** Stops the subgraphs in reverse start order (producers before the consumers of their events). */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping ${running.map((entry) => entry.name).join(", ") || "(nothing started yet)"}`);
  let clean = true;
  for (const { name, subgraph } of [...running].reverse()) {
    try {
      await subgraph.stop();
    } catch (error) {
      clean = false;
      console.error(`[${name}] failed to stop cleanly`, error);
    }
  }
  process.exit(clean ? 0 : 1);
}
