import type { SubgraphDeps } from "@portal/kit";
import { expireDueDocuments } from "./expiry.js";
import { runDueReminders } from "./reminders.js";

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Every minute: expire documents past their expiry, then send due reminders. Safe in several
 * processes (each document is re-checked under its row lock); stops with the job queue.
 */
export function startSweeper(deps: SubgraphDeps, intervalMs = SWEEP_INTERVAL_MS): void {
  let running: Promise<unknown> | null = null;
  const sweep = () => {
    if (running) return;
    const now = new Date();
    running = expireDueDocuments(deps.orm, now)
      .then(() => runDueReminders(deps.orm, now))
      .catch((error) => console.error("[documents] sweep failed", error))
      .finally(() => (running = null));
  };
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  deps.boss.once("stopped", () => clearInterval(timer));
}
