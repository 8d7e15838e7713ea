import { repeatEvery, type SubgraphDeps } from "@portal/kit";
import { expireDueDocuments } from "./expiry.js";
import { runDueReminders } from "./reminders.js";

export const SWEEP_INTERVAL_MS = 60_000;

/**
 * Every minute: expire documents past their expiry, then send due reminders. Safe in several
 * processes (each document is re-checked under its row lock); stops with the job queue.
 */
export function startSweeper(deps: SubgraphDeps, intervalMs = SWEEP_INTERVAL_MS): void {
  repeatEvery(deps, "documents sweep", intervalMs, async () => {
    const now = new Date();
    await expireDueDocuments(deps.orm, now);
    await runDueReminders(deps.orm, now);
  });
}
