import { randomUUID } from "node:crypto";
import type { affiliates, PayloadInputOf } from "@portal/contracts";
import { forkFor, type RunningSubgraphProcess, sql } from "@portal/kit";
import { eventually, newRecipient, type TestBusiness } from "./helpers.js";
import { publishBusiness } from "./invoice-helpers.js";

type ReferralCreated = PayloadInputOf<typeof affiliates.referralCreated>;
type CommissionApproved = PayloadInputOf<typeof affiliates.commissionApproved>;
type PayoutSent = PayloadInputOf<typeof affiliates.payoutSent>;

/** An affiliate as affiliates' events name them: Ada, whose Affiliates page is on the business's portal. */
export function newAffiliate(business: TestBusiness, overrides: Partial<ReturnType<typeof newRecipient>> = {}) {
  return {
    affiliateId: randomUUID(),
    contactId: randomUUID(),
    affiliate: newRecipient(overrides),
    link: `${business.portalUrl}/affiliates`,
  };
}
export type TestAffiliate = ReturnType<typeof newAffiliate>;

export function referralCreated(affiliate: TestAffiliate, overrides: Partial<ReferralCreated> = {}): ReferralCreated {
  const referralId = randomUUID();
  return {
    ...affiliate,
    referralId,
    referredContactId: randomUUID(),
    referredLabel: "Sam (s•••@example.com)",
    linkCode: "spring-launch",
    reference: `affiliate_referral:${referralId}`,
    ...overrides,
  };
}

/** A 20 % commission on a $125.00 invoice: $25.00, the approved balance then $140.00. */
export function commissionApproved(affiliate: TestAffiliate, overrides: Partial<CommissionApproved> = {}): CommissionApproved {
  const commissionId = randomUUID();
  return {
    ...affiliate,
    commissionId,
    currency: "USD",
    amount: 2500,
    approvedBalance: 14000,
    reference: `affiliate_commission:${commissionId}`,
    ...overrides,
  };
}

export function payoutSent(affiliate: TestAffiliate, overrides: Partial<PayoutSent> = {}): PayoutSent {
  const payoutId = randomUUID();
  return {
    ...affiliate,
    payoutId,
    currency: "EUR",
    amount: 14000,
    payoutReference: "TRF-2026-0412",
    commissionCount: 6,
    paidAt: "2026-12-06T10:30:00.000Z",
    reference: `affiliate_payout:${payoutId}`,
    ...overrides,
  };
}

/** Publishes the business and waits until automation knows it, so the emails that follow can be branded at once. */
export async function publishKnownBusiness(automation: RunningSubgraphProcess, business: TestBusiness): Promise<void> {
  await publishBusiness(automation, business);
  await eventually(
    async () =>
      (await sql(forkFor(automation.orm, null), `select 1 from automation.known_business where business_id = ?`, [business.id])).length > 0,
    20_000,
    `business ${business.id} known to automation`,
  );
}
