import { OutboxEvent, ProcessedEvent, type SubgraphDefinition, type SubgraphDeps, withIdentityProjection } from "@portal/kit";
import { AffiliateRow } from "./affiliates/affiliate.entity.js";
import { startApprovalSweep } from "./commissions/approval-sweep.js";
import { CommissionRow } from "./commissions/commission.entity.js";
import { startConsumers } from "./events/consumers.js";
import { clickHandler } from "./links/click-route.js";
import { ReferralLinkRow } from "./links/link.entity.js";
import { Migration20261206150000Affiliates } from "./migrations/Migration20261206150000Affiliates.js";
import { Migration20261206180000UnattributedPayments } from "./migrations/Migration20261206180000UnattributedPayments.js";
import type { AffiliatesOptions } from "./options.js";
import { PayoutRow } from "./payouts/payout.entity.js";
import { ProgrammeRow } from "./programme/programme.entity.js";
import { ReferralRow } from "./referrals/referral.entity.js";
import { buildAffiliatesSchema } from "./schema.js";

export { readAffiliatesConfig } from "./config.js";
export { AffiliatesConfigError, type AffiliatesOptions } from "./options.js";
export { runDueApprovals } from "./commissions/approval-sweep.js";
export { allowedLandingUrl, locationFor, parseWebUrl } from "./programme/landing-urls.js";
export { type DemoAffiliatesCaller, type DemoAffiliatesInput, seedDemoAffiliates } from "./seed.js";

/** Affiliates: the programme, affiliates and their links, clicks, referrals, commissions and payouts. */
export function createAffiliatesSubgraph(options: AffiliatesOptions): SubgraphDefinition {
  // Names, emails, DND and the business's portal address: affiliates' copy of identity's data.
  return withIdentityProjection({
    name: "affiliates",
    schema: "affiliates",
    entities: [ProgrammeRow, AffiliateRow, ReferralLinkRow, ReferralRow, CommissionRow, PayoutRow, OutboxEvent, ProcessedEvent],
    migrations: [
      { name: "Migration20261206150000Affiliates", class: Migration20261206150000Affiliates },
      { name: "Migration20261206180000UnattributedPayments", class: Migration20261206180000UnattributedPayments },
    ],
    buildSchema: (deps) => buildAffiliatesSchema(deps),
    // A click: the portal's `/r/<code>`, relayed by the gateway to `/files/r/<code>` here (signed, with the visitor's address and browser).
    files: (deps) => ({ r: clickHandler(deps.runtime.gatewaySecret) }),
    async startWorkers(deps: SubgraphDeps) {
      await startConsumers(deps);
      if (options.approvalIntervalMs !== 0) startApprovalSweep(deps, options.approvalIntervalMs);
    },
  });
}
