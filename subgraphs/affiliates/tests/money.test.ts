import { affiliates as contracts } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDueApprovals } from "../src/index.js";
import {
  closeHold,
  enableProgramme,
  gql,
  makeAffiliate,
  newTenant,
  OPS,
  ok,
  outbox,
  paid,
  referred,
  refunded,
  startAffiliates,
  type Tenant,
} from "./helpers.js";

const DAY = 86_400_000;

describe("affiliate money", () => {
  let affiliates: RunningSubgraphProcess;
  beforeAll(async () => {
    affiliates = await startAffiliates();
  });
  afterAll(async () => {
    await affiliates?.stop();
  });

  /** A business with the programme on, Ada an affiliate, and Grace referred through Ada's default link. */
  async function referralSetUp(programme: Record<string, unknown> = {}, referredAt = new Date()) {
    const tenant = await newTenant(affiliates);
    await enableProgramme(affiliates, tenant, { commissionBasisPoints: 2000, ...programme });
    const ada = await makeAffiliate(affiliates, tenant, tenant.contacts[0]!);
    const grace = tenant.contacts[1]!;
    await referred(affiliates, tenant, grace.id, ada.links[0].code.toUpperCase(), referredAt);
    return { tenant, ada, grace };
  }

  const commissionsOf = async (tenant: Tenant, affiliateId: string) =>
    (await gql(affiliates, tenant.owner.caller, OPS.commissions, { affiliateId })).affiliateCommissions.edges.map((edge: any) => edge.node);
  const balances = async (tenant: Tenant, id: string) =>
    (await gql(affiliates, tenant.owner.caller, OPS.balances, { id })).affiliate.balances;

  it("earns one commission per paid invoice, however often the paid event arrives", async () => {
    const { tenant, ada, grace } = await referralSetUp();
    const eventId = crypto.randomUUID();
    const invoiceId = await paid(affiliates, tenant, grace.id, 12_345, { eventId });
    await paid(affiliates, tenant, grace.id, 12_345, { eventId, invoiceId }); // the same event delivered again
    await paid(affiliates, tenant, grace.id, 12_345, { invoiceId }); // another event about the same invoice
    const lines = await commissionsOf(tenant, ada.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: "COMMISSION", status: "PENDING", amount: 2469, currency: "USD", baseAmount: 12_345, invoiceId });
    expect(new Date(lines[0].payableAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(await balances(tenant, ada.id)).toEqual([{ currency: "USD", pending: 2469, approved: 0, paid: 0 }]);
  });

  it("credits a payment that arrived before the referral it belongs to (the two travel on separate queues)", async () => {
    const tenant = await newTenant(affiliates);
    await enableProgramme(affiliates, tenant, { commissionBasisPoints: 1000 });
    const ada = await makeAffiliate(affiliates, tenant, tenant.contacts[0]!);
    const grace = tenant.contacts[1]!;
    const stranger = tenant.contacts[2]!;
    const referredAt = new Date(Date.now() - 60_000);
    const invoiceId = await paid(affiliates, tenant, grace.id, 10_000);
    await paid(affiliates, tenant, stranger.id, 7_000); // never referred: earns nobody anything
    expect(await commissionsOf(tenant, ada.id)).toEqual([]);
    await referred(affiliates, tenant, grace.id, ada.links[0].code, referredAt);
    const lines = await commissionsOf(tenant, ada.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ status: "PENDING", amount: 1000, baseAmount: 10_000, invoiceId });
    // Delivered again, the referral credits nothing twice.
    await referred(affiliates, tenant, grace.id, ada.links[0].code, referredAt);
    expect(await commissionsOf(tenant, ada.id)).toHaveLength(1);
  });

  it("pays a fixed amount per conversion in the programme's currency", async () => {
    const { tenant, ada, grace } = await referralSetUp({ commissionType: "FIXED", fixedAmount: 2500, fixedCurrency: "eur" });
    await paid(affiliates, tenant, grace.id, 99_900);
    expect(await commissionsOf(tenant, ada.id)).toMatchObject([{ amount: 2500, currency: "EUR" }]);
  });

  it("gives nothing for a first payment outside the attribution window, or by someone nobody referred", async () => {
    const { tenant, ada, grace } = await referralSetUp({ attributionWindowDays: 30 }, new Date(Date.now() - 31 * DAY));
    await paid(affiliates, tenant, grace.id, 10_000);
    await paid(affiliates, tenant, tenant.contacts[2]!.id, 10_000);
    expect(await commissionsOf(tenant, ada.id)).toEqual([]);
  });

  it("earns on later payments only for the recurring months after the first conversion", async () => {
    const { tenant, ada, grace } = await referralSetUp(
      { attributionWindowDays: 365, recurringMonths: 3 },
      new Date(Date.now() - 200 * DAY),
    );
    await paid(affiliates, tenant, grace.id, 10_000, { paidAt: new Date(Date.now() - 190 * DAY) }); // first
    await paid(affiliates, tenant, grace.id, 10_000, { paidAt: new Date(Date.now() - 130 * DAY) }); // within 3 months
    await paid(affiliates, tenant, grace.id, 10_000, { paidAt: new Date(Date.now() - 60 * DAY) }); // after
    expect((await commissionsOf(tenant, ada.id)).map((line: any) => line.amount)).toEqual([2000, 2000]);

    const once = await referralSetUp({ recurringMonths: 0 });
    await paid(affiliates, once.tenant, once.grace.id, 10_000);
    await paid(affiliates, once.tenant, once.grace.id, 10_000);
    expect(await commissionsOf(once.tenant, once.ada.id)).toHaveLength(1);
  });

  it("recomputes a pending commission on a partial refund and cancels it on a full one", async () => {
    const { tenant, ada, grace } = await referralSetUp();
    const invoiceId = await paid(affiliates, tenant, grace.id, 10_000);
    await refunded(affiliates, tenant, grace.id, invoiceId, 4_000, 10_000);
    expect(await commissionsOf(tenant, ada.id)).toMatchObject([{ status: "PENDING", amount: 1200 }]);
    await refunded(affiliates, tenant, grace.id, invoiceId, 4_000, 10_000); // the same refund again
    expect(await commissionsOf(tenant, ada.id)).toMatchObject([{ status: "PENDING", amount: 1200 }]);
    await refunded(affiliates, tenant, grace.id, invoiceId, 10_000, 10_000);
    expect(await commissionsOf(tenant, ada.id)).toMatchObject([{ status: "CANCELLED", amount: 0, cancelReason: "Refunded" }]);
    expect(await balances(tenant, ada.id)).toEqual([]);
  });

  it("approves commissions when the hold closes, once, and announces each", async () => {
    const { tenant, ada, grace } = await referralSetUp();
    await paid(affiliates, tenant, grace.id, 10_000);
    expect(await runDueApprovals(affiliates.orm, { businessId: tenant.businessId })).toBe(0);
    await closeHold(affiliates, tenant.businessId);
    const [first, second] = await Promise.all([
      runDueApprovals(affiliates.orm, { businessId: tenant.businessId }),
      runDueApprovals(affiliates.orm, { businessId: tenant.businessId }),
    ]);
    expect(first + second).toBe(1);
    expect(await commissionsOf(tenant, ada.id)).toMatchObject([{ status: "APPROVED" }]);
    const events = await outbox(affiliates, tenant.businessId, contracts.commissionApproved.name);
    expect(events).toHaveLength(1);
    expect(contracts.commissionApproved.payload.safeParse(events[0]!.payload).success).toBe(true);
    expect(events[0]!.payload).toMatchObject({ amount: 2000, approvedBalance: 2000, currency: "USD", affiliateId: ada.id });
    expect(events[0]!.payload.link).toBe(`${tenant.portalUrl}/affiliates`);
  });

  it("adjusts an approved commission after a refund with one negative line, and the totals match the ledger", async () => {
    const { tenant, ada, grace } = await referralSetUp();
    const invoiceId = await paid(affiliates, tenant, grace.id, 10_000);
    const [line] = await commissionsOf(tenant, ada.id);
    ok((await gql(affiliates, tenant.owner.caller, OPS.approve, { id: line.id })).approveCommission, "commission");
    await refunded(affiliates, tenant, grace.id, invoiceId, 2_500, 10_000);
    await refunded(affiliates, tenant, grace.id, invoiceId, 2_500, 10_000); // repeated: no second adjustment
    const lines = await commissionsOf(tenant, ada.id);
    expect(lines.map((l: any) => [l.kind, l.status, l.amount])).toEqual(
      expect.arrayContaining([
        ["COMMISSION", "APPROVED", 2000],
        ["ADJUSTMENT", "APPROVED", -500],
      ]),
    );
    expect(lines).toHaveLength(2);
    const ledger = lines.filter((l: any) => l.status !== "CANCELLED").reduce((sum: number, l: any) => sum + l.amount, 0);
    expect(await balances(tenant, ada.id)).toEqual([{ currency: "USD", pending: 0, approved: ledger, paid: 0 }]);
    expect(ledger).toBe(1500);
  });

  it("pays out approved lines at or above the minimum, refuses below it, and exports the payouts", async () => {
    const { tenant, ada, grace } = await referralSetUp({ minimumPayout: 3000 });
    await paid(affiliates, tenant, grace.id, 10_000); // 2000
    await closeHold(affiliates, tenant.businessId);
    await runDueApprovals(affiliates.orm, { businessId: tenant.businessId });
    const below = (await gql(affiliates, tenant.owner.caller, OPS.payout, { id: ada.id, currency: "USD", reference: "T-1" }))
      .recordAffiliatePayout;
    expect(below).toMatchObject({ __typename: "BelowMinimumPayoutError", minimumPayout: 3000, owed: 2000 });
    expect((await gql(affiliates, tenant.owner.caller, OPS.due)).affiliatePayoutsDue).toEqual([]);

    // A second conversion of another referral lifts Ada above the minimum.
    const alan = tenant.contacts[2]!;
    ok(
      (await gql(affiliates, tenant.owner.caller, OPS.setReferrer, { contactId: alan.id, affiliateId: ada.id })).setContactReferrer,
      "referral",
    );
    await paid(affiliates, tenant, alan.id, 7_500); // 1500
    await closeHold(affiliates, tenant.businessId);
    await runDueApprovals(affiliates.orm, { businessId: tenant.businessId });
    expect((await gql(affiliates, tenant.owner.caller, OPS.due)).affiliatePayoutsDue).toEqual([
      { affiliate: { id: ada.id }, currency: "USD", amount: 3500, commissionCount: 2 },
    ]);
    const payout = ok(
      (await gql(affiliates, tenant.owner.caller, OPS.payout, { id: ada.id, currency: "usd", reference: '=HYPERLINK("x")' }))
        .recordAffiliatePayout,
      "payout",
    );
    expect(payout).toMatchObject({ amount: 3500, currency: "USD", commissionCount: 2 });
    expect(await balances(tenant, ada.id)).toEqual([{ currency: "USD", pending: 0, approved: 0, paid: 3500 }]);
    expect((await commissionsOf(tenant, ada.id)).every((line: any) => line.status === "PAID" && line.payoutId === payout.id)).toBe(true);
    const again = (await gql(affiliates, tenant.owner.caller, OPS.payout, { id: ada.id, currency: "USD", reference: "T-2" }))
      .recordAffiliatePayout;
    expect(again.__typename).toBe("BelowMinimumPayoutError");

    const sent = await outbox(affiliates, tenant.businessId, contracts.payoutSent.name);
    expect(sent).toHaveLength(1);
    expect(contracts.payoutSent.payload.safeParse(sent[0]!.payload).success).toBe(true);
    expect(sent[0]!.payload).toMatchObject({ amount: 3500, commissionCount: 2, payoutReference: '=HYPERLINK("x")' });

    const csv: string = (await gql(affiliates, tenant.owner.caller, OPS.csv)).affiliatePayoutsCsv;
    const rows = csv.trim().split("\r\n");
    expect(rows[0]).toBe("Paid at,Affiliate,Email,Currency,Amount,Amount (minor units),Reference,Commissions,Payout id");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(`,Ada Lovelace,${tenant.contacts[0]!.email},USD,35.00,3500,"'=HYPERLINK(""x"")",2,${payout.id}`);

    const cancel = (
      await gql(affiliates, tenant.owner.caller, OPS.cancel, { id: (await commissionsOf(tenant, ada.id))[0].id, reason: "x" })
    ).cancelCommission;
    expect(cancel.__typename).toBe("AffiliateStateError");
  });

  it("lets staff cancel an unpaid commission with a reason (required)", async () => {
    const { tenant, ada, grace } = await referralSetUp();
    await paid(affiliates, tenant, grace.id, 10_000);
    const [line] = await commissionsOf(tenant, ada.id);
    expect((await gql(affiliates, tenant.owner.caller, OPS.cancel, { id: line.id, reason: "  " })).cancelCommission).toMatchObject({
      __typename: "ValidationError",
      field: "reason",
    });
    const cancelled = ok(
      (await gql(affiliates, tenant.owner.caller, OPS.cancel, { id: line.id, reason: "Self-referral" })).cancelCommission,
      "commission",
    );
    expect(cancelled).toMatchObject({ status: "CANCELLED", cancelReason: "Self-referral" });
    expect((await gql(affiliates, tenant.owner.caller, OPS.approve, { id: line.id })).approveCommission.__typename).toBe(
      "AffiliateStateError",
    );
  });
});
