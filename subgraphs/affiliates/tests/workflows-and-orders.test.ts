import { randomUUID } from "node:crypto";
import { affiliates as contracts, billing } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, enableProgramme, gql, makeAffiliate, newTenant, OPS, outbox, referred, startAffiliates, type Tenant } from "./helpers.js";

const ORDER_COMMISSIONS = `query ($id: ID!) { affiliate(id: $id) { links { code referrals conversions }
  commissions(first: 10) { edges { node { kind status amount currency invoiceId } } } } }`;

describe("affiliates and the other sections' automations", () => {
  let affiliates: RunningSubgraphProcess;
  beforeAll(async () => {
    affiliates = await startAffiliates();
  });
  afterAll(async () => {
    await affiliates?.stop();
  });

  /** billing's "order paid" for the contact, with the referral code the order carried. */
  const orderPaid = (tenant: Tenant, contactId: string, referralCode: string | null, orderId = randomUUID(), eventId?: string) =>
    deliver(
      affiliates,
      billing.orderPaid,
      tenant.businessId,
      {
        orderId,
        offerId: randomUUID(),
        offerName: "Photography course",
        contactId,
        newContact: true,
        currency: "EUR",
        amountPaid: 19_900,
        paidAt: new Date().toISOString(),
        grants: { courseIds: [], groupIds: [] },
        referralCode,
        portalPath: `/orders/${orderId}`,
      },
      { eventId },
    );

  it("answers a workflow's 'make affiliate' step: done, then skipped once they are one, failed for another business's contact", async () => {
    const [a, b] = [await newTenant(affiliates), await newTenant(affiliates)];
    const ada = a.contacts[0]!;
    const steps = [`workflow_run:${randomUUID()}:0`, `workflow_run:${randomUUID()}:1`, `workflow_run:${randomUUID()}:0`];
    await deliver(affiliates, contracts.affiliateRequested, a.businessId, { contactId: ada.id, source: steps[0] });
    await deliver(affiliates, contracts.affiliateRequested, a.businessId, { contactId: ada.id, source: steps[1] });
    await deliver(affiliates, contracts.affiliateRequested, b.businessId, { contactId: ada.id, source: steps[2] });
    expect((await gql(affiliates, ada.caller, OPS.myAffiliate)).myAffiliate).toMatchObject({ status: "ACTIVE" });
    const outcomes = async (tenant: Tenant) =>
      (await outbox(affiliates, tenant.businessId, contracts.workflowActionFinished.name)).map((row) => row.payload);
    expect(await outcomes(a)).toEqual([
      { source: steps[0], status: "DONE", reason: null },
      { source: steps[1], status: "SKIPPED", reason: "Already an affiliate" },
    ]);
    expect(await outcomes(b)).toEqual([{ source: steps[2], status: "FAILED", reason: "No such contact in this business" }]);
    expect((await gql(affiliates, b.owner.caller, OPS.affiliates)).affiliates.totalCount).toBe(0);
  });

  it("credits an order's referral code and pays one commission per order, however often the event comes", async () => {
    const tenant = await newTenant(affiliates);
    await enableProgramme(affiliates, tenant, { commissionBasisPoints: 1000 });
    const ada = await makeAffiliate(affiliates, tenant, tenant.contacts[0]!);
    const buyer = tenant.contacts[1]!;
    const orderId = randomUUID();
    await orderPaid(tenant, buyer.id, ada.links[0].code, orderId);
    await orderPaid(tenant, buyer.id, ada.links[0].code, orderId); // redelivered with a new event id
    const seen = (await gql(affiliates, tenant.owner.caller, ORDER_COMMISSIONS, { id: ada.id })).affiliate;
    expect(seen.links[0]).toMatchObject({ referrals: 1, conversions: 1 });
    expect(seen.commissions.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { kind: "COMMISSION", status: "PENDING", amount: 1990, currency: "EUR", invoiceId: orderId },
    ]);
  });

  it("counts the order that brought a new buyer, though identity announced their referral after the payment", async () => {
    const tenant = await newTenant(affiliates);
    await enableProgramme(affiliates, tenant, { commissionBasisPoints: 1000 });
    const ada = await makeAffiliate(affiliates, tenant, tenant.contacts[0]!);
    const buyer = tenant.contacts[1]!;
    const orderId = randomUUID();
    // The buyer's contact was created (with the code) a few seconds after they paid.
    await referred(affiliates, tenant, buyer.id, ada.links[0].code, new Date(Date.now() + 5_000));
    await orderPaid(tenant, buyer.id, ada.links[0].code, orderId);
    const seen = (await gql(affiliates, tenant.owner.caller, ORDER_COMMISSIONS, { id: ada.id })).affiliate;
    expect(seen.links[0]).toMatchObject({ referrals: 1, conversions: 1 });
    expect(seen.commissions.edges).toHaveLength(1);
  });

  it("earns nothing on an order without a code from a buyer nobody referred, nor on a code of another business", async () => {
    const [a, b] = [await newTenant(affiliates), await newTenant(affiliates)];
    await enableProgramme(affiliates, a);
    await enableProgramme(affiliates, b);
    const ada = await makeAffiliate(affiliates, a, a.contacts[0]!);
    await orderPaid(a, a.contacts[1]!.id, null);
    await orderPaid(b, b.contacts[1]!.id, ada.links[0].code);
    const seen = (await gql(affiliates, a.owner.caller, ORDER_COMMISSIONS, { id: ada.id })).affiliate;
    expect(seen.links[0]).toMatchObject({ referrals: 0, conversions: 0 });
    expect(seen.commissions.edges).toEqual([]);
    expect(
      (await gql(affiliates, b.owner.caller, `{ affiliateCommissions(first: 5) { totalCount } }`)).affiliateCommissions.totalCount,
    ).toBe(0);
  });
});
