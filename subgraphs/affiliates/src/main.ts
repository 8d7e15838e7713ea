import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { runSubgraph } from "@portal/kit";
import { readAffiliatesConfig } from "./config.js";
import { createAffiliatesSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/affiliates/src/main.ts`, configured from the environment. */
const { options, runtime } = readAffiliatesConfig(process.env);
const running = await runSubgraph(createAffiliatesSubgraph(options), runtime);
console.log(`[affiliates] listening on ${running.url}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[affiliates] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[affiliates] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
