import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor, repeatEvery, sql, type SubgraphDeps } from "@portal/kit";

/**
 * How long a finished delivery (succeeded, or failed for good) stays in the delivery log with its
 * attempts: long enough to look into a month's problems and redeliver, as Stripe keeps its own
 * webhook logs; after that the log would only grow. Deliveries still being retried are kept.
 */
export const WEBHOOK_LOG_DAYS = 30;
export const PRUNE_INTERVAL_MS = 60 * 60_000;
/** Deleted per statement, so a large backlog never holds its locks for long. */
const CHUNK = 1000;

/** Deletes deliveries that finished more than `days` before `now` (their attempts go with them); answers how many. */
export async function pruneWebhookLog(orm: MikroORM, now: Date, days = WEBHOOK_LOG_DAYS): Promise<number> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60_000);
  const em = forkFor(orm, null);
  let pruned = 0;
  for (;;) {
    const rows = await sql(
      em,
      `delete from "automation"."webhook_delivery" where id in
        (select id from "automation"."webhook_delivery" where finished_at < ? limit ${CHUNK}) returning id`,
      [before],
    );
    pruned += rows.length;
    if (rows.length < CHUNK) return pruned;
  }
}

/** Prunes at start and every hour; safe in several processes (each delete only finds what is still there); stops with the job queue. */
export function startWebhookLogPruning(deps: SubgraphDeps, intervalMs = PRUNE_INTERVAL_MS): void {
  repeatEvery(deps, "webhooks log pruning", intervalMs, () => pruneWebhookLog(deps.orm, new Date()), { atStart: true });
}
