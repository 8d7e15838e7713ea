import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { runSubgraph } from "@portal/kit";
import { readAppointmentsConfig } from "./config.js";
import { createAppointmentsSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/appointments/src/main.ts`, configured from the environment. */
const { options, runtime } = readAppointmentsConfig(process.env);
const running = await runSubgraph(createAppointmentsSubgraph(options), runtime);
console.log(`[appointments] listening on ${running.url}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[appointments] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[appointments] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
