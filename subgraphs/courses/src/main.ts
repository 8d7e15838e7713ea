import "@portal/kit/src/tracing/register.js"; // first: it must hook pg and http before they load
import { runSubgraph } from "@portal/kit";
import { readCoursesConfig } from "./config.js";
import { createCoursesSubgraph } from "./index.js";

/** Production entry: `tsx subgraphs/courses/src/main.ts`, configured from the environment. */
const { options, runtime } = readCoursesConfig(process.env);
const running = await runSubgraph(createCoursesSubgraph(options), runtime);
console.log(`[courses] listening on ${running.url}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[courses] ${signal}: stopping`);
  try {
    await running.stop();
    process.exit(0);
  } catch (error) {
    console.error("[courses] failed to stop cleanly", error);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
