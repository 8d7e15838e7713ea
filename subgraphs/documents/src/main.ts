import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { runSubgraph } from "@portal/kit";
import { readDocumentsConfig } from "./config.js";
import { createDocumentsSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/documents/src/main.ts`, configured from the environment. */
const { options, runtime, note } = readDocumentsConfig(process.env);
const running = await runSubgraph(createDocumentsSubgraph(options), runtime);
console.log(`[documents] listening on ${running.url}${note ? ` (${note})` : ""}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[documents] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[documents] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
