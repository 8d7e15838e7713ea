import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { runSubgraph } from "@portal/kit";
import { readIdentityConfig } from "./config.js";
import { createIdentitySubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/identity/src/main.ts`, configured from the environment. */
const { options, runtime } = readIdentityConfig(process.env);
const running = await runSubgraph(createIdentitySubgraph(options), runtime);
console.log(`[identity] listening on ${running.url}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[identity] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[identity] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
