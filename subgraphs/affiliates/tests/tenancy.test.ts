import { affiliates as contracts } from "@portal/contracts";
import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  apiKeyIn,
  closeHold,
  deliver,
  enableProgramme,
  gql,
  makeAffiliate,
  newTenant,
  OPS,
  ok,
  outbox,
  paid,
  raw,
  referred,
  startAffiliates,
  type Tenant,
} from "./helpers.js";
import { runDueApprovals } from "../src/index.js";

/**
 * Two businesses, each with an affiliate, a campaign link, a referral, a commission and a payout:
 * nothing of one is found from the other, by any operation or `_entities`; a client sees only their own.
 */
describe("affiliates tenancy and who sees what", () => {
  let affiliates: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  const world = new Map<Tenant, { affiliate: any; linkId: string; commissionId: string; payoutId: string; referredId: string }>();

  async function populate(tenant: Tenant) {
    await enableProgramme(affiliates, tenant, { minimumPayout: 100 });
    const affiliate = await makeAffiliate(affiliates, tenant, tenant.contacts[0]!);
    const link = ok(
      (
        await gql(affiliates, tenant.contacts[0]!.caller, OPS.createLink, {
          input: { slug: `camp-${tenant.businessId.slice(0, 6)}`, landingUrl: "https://shop.example.com/offers/x" },
        })
      ).createReferralLink,
      "link",
    );
    const grace = tenant.contacts[1]!;
    await referred(affiliates, tenant, grace.id, link.code);
    await paid(affiliates, tenant, grace.id, 10_000);
    await closeHold(affiliates, tenant.businessId);
    await runDueApprovals(affiliates.orm, { businessId: tenant.businessId });
    const payout = ok(
      (await gql(affiliates, tenant.owner.caller, OPS.payout, { id: affiliate.id, currency: "USD", reference: "R-1" }))
        .recordAffiliatePayout,
      "payout",
    );
    const alan = tenant.contacts[2]!;
    ok(
      (await gql(affiliates, tenant.owner.caller, OPS.setReferrer, { contactId: alan.id, affiliateId: affiliate.id })).setContactReferrer,
      "referral",
    );
    await paid(affiliates, tenant, alan.id, 5_000);
    const pending = (await gql(affiliates, tenant.owner.caller, OPS.commissions, { affiliateId: affiliate.id, status: "PENDING" }))
      .affiliateCommissions.edges[0].node;
    world.set(tenant, { affiliate, linkId: link.id, commissionId: pending.id, payoutId: payout.id, referredId: grace.id });
  }

  beforeAll(async () => {
    affiliates = await startAffiliates();
    [a, b] = await Promise.all([newTenant(affiliates), newTenant(affiliates)]);
    await populate(a);
    await populate(b);
  });
  afterAll(async () => {
    await affiliates?.stop();
  });

  it("finds nothing of another business by id, in lists or through _entities", async () => {
    const theirs = world.get(b)!;
    const staff = a.owner.caller;
    expect((await gql(affiliates, staff, OPS.affiliate, { id: theirs.affiliate.id })).affiliate).toBeNull();
    expect((await gql(affiliates, staff, OPS.affiliates)).affiliates.edges.map((e: any) => e.node.id)).toEqual([
      world.get(a)!.affiliate.id,
    ]);
    expect((await gql(affiliates, staff, OPS.commissions, { affiliateId: theirs.affiliate.id })).affiliateCommissions.totalCount).toBe(0);
    const mine = (await gql(affiliates, staff, OPS.commissions, {})).affiliateCommissions.edges.map((e: any) => e.node.affiliate.id);
    expect(new Set(mine)).toEqual(new Set([world.get(a)!.affiliate.id]));
    expect((await gql(affiliates, staff, OPS.payouts, { affiliateId: theirs.affiliate.id })).affiliatePayouts.totalCount).toBe(0);
    expect((await gql(affiliates, staff, OPS.payouts, {})).affiliatePayouts.edges.map((e: any) => e.node.id)).toEqual([
      world.get(a)!.payoutId,
    ]);
    expect((await gql(affiliates, staff, OPS.csv)).affiliatePayoutsCsv).not.toContain(theirs.payoutId);
    expect((await gql(affiliates, staff, OPS.due)).affiliatePayoutsDue.map((d: any) => d.affiliate.id)).not.toContain(theirs.affiliate.id);
    const entities = await gql(affiliates, staff, OPS.entities, {
      representations: [
        { __typename: "Affiliate", id: theirs.affiliate.id },
        { __typename: "Contact", id: b.contacts[0]!.id },
        { __typename: "Affiliate", id: world.get(a)!.affiliate.id },
      ],
    });
    expect(entities._entities).toEqual([null, null, { id: world.get(a)!.affiliate.id, name: "Ada Lovelace" }]);
  });

  it("refuses every mutation on another business's ids (not found, or a validation error naming the field)", async () => {
    const theirs = world.get(b)!;
    const staff = a.owner.caller;
    expect((await gql(affiliates, staff, OPS.make, { contactId: b.contacts[3]!.id })).makeAffiliate).toMatchObject({
      __typename: "ValidationError",
      field: "contactId",
    });
    expect((await gql(affiliates, staff, OPS.remove, { id: theirs.affiliate.id })).removeAffiliate.__typename).toBe("NotFoundError");
    expect(
      (
        await gql(affiliates, staff, OPS.createLink, {
          input: { affiliateId: theirs.affiliate.id, slug: "stolen", landingUrl: a.portalUrl },
        })
      ).createReferralLink,
    ).toMatchObject({ __typename: "ValidationError", field: "affiliateId" });
    expect((await gql(affiliates, staff, OPS.deleteLink, { id: theirs.linkId })).deleteReferralLink.__typename).toBe("NotFoundError");
    expect(
      (await gql(affiliates, staff, OPS.setReferrer, { contactId: b.contacts[3]!.id, affiliateId: null })).setContactReferrer,
    ).toMatchObject({
      field: "contactId",
    });
    expect(
      (await gql(affiliates, staff, OPS.setReferrer, { contactId: a.contacts[3]!.id, affiliateId: theirs.affiliate.id }))
        .setContactReferrer,
    ).toMatchObject({ field: "affiliateId" });
    expect((await gql(affiliates, staff, OPS.approve, { id: theirs.commissionId })).approveCommission.__typename).toBe("NotFoundError");
    expect((await gql(affiliates, staff, OPS.cancel, { id: theirs.commissionId, reason: "x" })).cancelCommission.__typename).toBe(
      "NotFoundError",
    );
    expect(
      (await gql(affiliates, staff, OPS.payout, { id: theirs.affiliate.id, currency: "USD", reference: "x" })).recordAffiliatePayout
        .__typename,
    ).toBe("NotFoundError");
    // And theirs is untouched.
    const still = (await gql(affiliates, b.owner.caller, OPS.commissions, { affiliateId: theirs.affiliate.id, status: "PENDING" }))
      .affiliateCommissions;
    expect(still.edges.map((e: any) => e.node.id)).toEqual([theirs.commissionId]);
  });

  it("shows a client their own record and figures only, with referrals masked", async () => {
    const mine = world.get(a)!;
    const ada = a.contacts[0]!.caller;
    const me = (await gql(affiliates, ada, OPS.myAffiliate)).myAffiliate;
    expect(me).toMatchObject({ id: mine.affiliate.id, status: "ACTIVE" });
    expect(me.balances).toEqual([{ currency: "USD", pending: 1000, approved: 0, paid: 2000 }]);
    expect(me.referrals.totalCount).toBe(2);
    for (const { node } of me.referrals.edges) {
      expect(node.contactId).toBeNull();
      expect(node.label).toMatch(/^[A-Z][a-z]+ \([a-z]•••@[a-z0-9.-]+\)$/);
    }
    const commissions = (
      await gql(affiliates, ada, `query { myAffiliate { commissions(first: 10) { edges { node { referralLabel } } } } }`)
    ).myAffiliate.commissions.edges;
    expect(commissions.every((e: any) => e.node.referralLabel.includes("•••@"))).toBe(true);
    // Another client: no affiliate record, cannot read Ada's by id or through _entities, nor the terms.
    const grace = a.contacts[1]!.caller;
    expect((await gql(affiliates, grace, OPS.myAffiliate)).myAffiliate).toBeNull();
    expect((await gql(affiliates, grace, OPS.affiliate, { id: mine.affiliate.id })).affiliate).toBeNull();
    expect(
      (await gql(affiliates, grace, OPS.entities, { representations: [{ __typename: "Affiliate", id: mine.affiliate.id }] }))._entities,
    ).toEqual([null]);
    expect((await raw(affiliates, grace, OPS.programme)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(affiliates, ada, OPS.programme)).affiliateProgramme.enabled).toBe(true);
    // A client of the same business is not staff: staff lists and mutations are refused.
    for (const query of [OPS.affiliates, OPS.due, OPS.csv])
      expect((await raw(affiliates, ada, query)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await raw(affiliates, ada, OPS.approve, { id: mine.commissionId })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // The other business's affiliate, signed in to business A, sees nothing there.
    expect((await gql(affiliates, { ...b.contacts[0]!.caller, businessId: a.businessId }, OPS.myAffiliate)).myAffiliate).toBeNull();
    expect((await raw(affiliates, anonymousIn(a.businessId), OPS.myAffiliate)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    // A READ key reads, but does not change.
    expect((await gql(affiliates, apiKeyIn(a.businessId, ["read"]), OPS.affiliates)).affiliates.totalCount).toBe(1);
    expect(
      (await raw(affiliates, apiKeyIn(a.businessId, ["read"]), OPS.remove, { id: mine.affiliate.id })).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("answers the dashboard card and the contact's referrer for the right people only", async () => {
    const mine = world.get(a)!;
    const card = async (caller: any, contactId: string) =>
      raw(affiliates, caller, OPS.summary, { representations: [{ __typename: "Contact", id: contactId }] });
    const own = (await card(a.contacts[0]!.caller, a.contacts[0]!.id)).data._entities[0];
    expect(own.affiliateSummary).toEqual({ isAffiliate: true, referrals: 2, pending: [{ amount: 1000, currency: "USD" }], approved: [] });
    expect(own.referral).toBeNull(); // staff only
    expect((await card(a.contacts[3]!.caller, a.contacts[3]!.id)).data._entities[0].affiliateSummary).toMatchObject({ isAffiliate: false });
    expect((await card(a.contacts[3]!.caller, a.contacts[0]!.id)).data._entities).toEqual([null]);
    expect((await card(a.owner.caller, b.contacts[0]!.id)).data._entities).toEqual([null]);
    const staffView = (await card(a.owner.caller, mine.referredId)).data._entities[0];
    expect(staffView.referral).toMatchObject({ affiliate: { id: mine.affiliate.id } });
    expect(staffView.referral.label).toContain("@");
    expect(staffView.referral.label).not.toContain("•••");
  });

  it("announces joins and referrals, and makes affiliates on request", async () => {
    const joined = await outbox(affiliates, a.businessId, contracts.affiliateJoined.name);
    expect(joined.map((row) => row.payload)).toEqual([
      {
        affiliateId: world.get(a)!.affiliate.id,
        contactId: a.contacts[0]!.id,
        code: world.get(a)!.affiliate.links[0].code,
        inviteToPortal: false,
      },
    ]);
    const referrals = await outbox(affiliates, a.businessId, contracts.referralCreated.name);
    expect(referrals).toHaveLength(2);
    for (const row of referrals) expect(contracts.referralCreated.payload.safeParse(row.payload).success).toBe(true);
    expect(referrals[0]!.payload).toMatchObject({ referredContactId: world.get(a)!.referredId, linkCode: expect.stringMatching(/^camp-/) });
    expect(referrals[1]!.payload.linkCode).toBeNull();

    const edsger = a.contacts[3]!;
    await deliver(affiliates, contracts.affiliateRequested, a.businessId, { contactId: edsger.id, source: "workflow:test" });
    await deliver(affiliates, contracts.affiliateRequested, b.businessId, { contactId: edsger.id }); // another business's contact: nothing
    const made = (await gql(affiliates, edsger.caller, OPS.myAffiliate)).myAffiliate;
    expect(made).toMatchObject({ status: "ACTIVE" });
    expect((await gql(affiliates, b.owner.caller, OPS.affiliates)).affiliates.totalCount).toBe(1);
  });
});
