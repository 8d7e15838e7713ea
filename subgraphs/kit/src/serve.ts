import { logOf } from "./observability/logger.js";
import { type RunningSubgraphProcess, type RuntimeConfig, runSubgraph, type SubgraphDefinition } from "./runtime.js";

export interface ServedSubgraph {
  definition: SubgraphDefinition;
  runtime: RuntimeConfig;
  /** Said with "listening", e.g. "mail: dev mailbox". */
  note?: string;
  warnings?: string[];
}

/**
 * A subgraph's production entry (`src/main.ts`): runs it, says where it listens and what to look
 * out for through the process's logger (JSON lines in production, like every other line), and
 * stops it cleanly on SIGTERM or SIGINT (exit 0, or 1 when stopping failed).
 */
export async function serveSubgraph(name: string, served: ServedSubgraph): Promise<RunningSubgraphProcess> {
  const log = logOf(name);
  const running = await runSubgraph(served.definition, served.runtime);
  log.info(`listening on ${running.url}${served.note ? ` (${served.note})` : ""}`);
  for (const warning of served.warnings ?? []) log.warn(warning);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    try {
      await running.stop();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "failed to stop cleanly");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  return running;
}
