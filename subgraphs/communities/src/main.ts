import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { runSubgraph } from "@portal/kit";
import { readCommunitiesConfig } from "./config.js";
import { createCommunitiesSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/communities/src/main.ts`, configured from the environment. */
const { options, runtime } = readCommunitiesConfig(process.env);
const running = await runSubgraph(createCommunitiesSubgraph(options), runtime);
console.log(`[communities] listening on ${running.url}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[communities] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[communities] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
