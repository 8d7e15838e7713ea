import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor, repeatEvery, sql, type SubgraphDeps } from "@portal/kit";
import { approve } from "./commission.service.js";
import { forgetUnattributedPayments } from "./conversion.service.js";

/** How often the sweep looks for commissions whose hold period closed. */
export const APPROVAL_INTERVAL_MS = 30_000;

/**
 * Approves the pending commissions whose hold period closed, each business in its own transaction:
 * the update only takes rows still pending and due, and only its winner announces
 * `commissionApproved`, so two processes sweeping at once approve and announce each once. Returns
 * how many were approved.
 */
export async function runDueApprovals(orm: MikroORM, scope: { businessId?: string } = {}): Promise<number> {
  const due = await sql<{ id: string; business_id: string }>(
    forkFor(orm, null),
    `select id, business_id from affiliates.commission
     where status = 'PENDING' and payable_at <= now() and (?::uuid is null or business_id = ?::uuid)
     order by payable_at limit 1000`,
    [scope.businessId ?? null, scope.businessId ?? null],
  );
  const byBusiness = new Map<string, string[]>();
  for (const row of due) byBusiness.set(row.business_id, [...(byBusiness.get(row.business_id) ?? []), row.id]);
  let approved = 0;
  for (const [businessId, ids] of byBusiness) {
    approved += await forkFor(orm, businessId)
      .transactional(async (tx) => (await approve(tx, businessId, ids, true)).length)
      .catch((error) => {
        console.error(`[affiliates] commissions of ${businessId} not approved yet: ${error instanceof Error ? error.message : error}`);
        return 0;
      });
  }
  await forgetUnattributedPayments(forkFor(orm, null));
  return approved;
}

/** Every 30 s (or `intervalMs`) in every process; stops with the job queue. */
export function startApprovalSweep(deps: SubgraphDeps, intervalMs = APPROVAL_INTERVAL_MS): void {
  repeatEvery(deps, "affiliates approval sweep", intervalMs, () => runDueApprovals(deps.orm));
}
