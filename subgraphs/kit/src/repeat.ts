import { logOf } from "./observability/logger.js";
import type { SubgraphDeps } from "./runtime.js";

/**
 * Runs `work` every `intervalMs` in this process (sweeps, due reminders, pruning), never two runs at
 * once: a tick that finds the last run still going is skipped. A failed run is logged under
 * `component` and the next tick tries again. Stops with the job queue; the timer never keeps the
 * process alive. `atStart` also runs it right away.
 */
export function repeatEvery(
  deps: Pick<SubgraphDeps, "boss">,
  component: string,
  intervalMs: number,
  work: () => Promise<unknown>,
  options: { atStart?: boolean } = {},
): void {
  let running: Promise<unknown> | null = null;
  const run = () => {
    if (running) return;
    running = work()
      .catch((error) => logOf(component).error({ err: error }, `${component}: run failed`))
      .finally(() => (running = null));
  };
  if (options.atStart) run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  deps.boss.once("stopped", () => clearInterval(timer));
}
