import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import "reflect-metadata";
import { runSubgraph } from "@portal/kit";
import { readAutomationConfig } from "./config.js";
import { createAutomationSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/automation/src/main.ts`, configured from the environment. */
const { options, runtime, note, warnings } = readAutomationConfig(process.env);
const running = await runSubgraph(createAutomationSubgraph(options), runtime);
console.log(`[automation] listening on ${running.url} (${note})`);
for (const warning of warnings) console.warn(`[automation] ${warning}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[automation] ${signal}: stopping`);
  try {
    await running.stop();
    console.log("[automation] stopped");
    process.exit(0);
  } catch (error) {
    console.error("[automation] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
