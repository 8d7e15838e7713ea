import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { runSubgraph } from "@portal/kit";
import { readBillingConfig } from "./config.js";
import { createBillingSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/billing/src/main.ts`, configured from the environment. */
const { options, runtime, note } = readBillingConfig(process.env);
const running = await runSubgraph(createBillingSubgraph(options), runtime);
console.log(`[billing] listening on ${running.url}${note ? ` (${note})` : ""}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[billing] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[billing] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
