import { countStatements, forkFor, type RunningSubgraphProcess, sql } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { click, enableProgramme, gql, makeAffiliate, newTenant, startAffiliates, type Tenant } from "./helpers.js";

const FIGURES = `id name status
    links { id code url landingUrl isDefault clicks referrals conversions earnings { amount currency } }
    stats(days: 90) { clicks referrals conversions conversionRate earnings { amount currency } earningsCurrency days { date clicks referrals conversions earnings } }
    balances { currency pending approved paid }
    referrals(first: 20) { totalCount edges { node { id label linkCode referredAt converted affiliate { id } } } }
    commissions(first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind status amount currency referralLabel payableAt affiliate { id name } } } }
    payouts(first: 20) { totalCount edges { node { id amount } } }`;

/** The portal's Affiliates page, as the affiliate opens it. */
const PAGE = `query { affiliateProgramme { enabled commissionBasisPoints holdDays minimumPayout } myAffiliate { ${FIGURES} } }`;
/** The console's page of one affiliate. */
const STAFF_PAGE = `query($id: ID!) { affiliate(id: $id) { ${FIGURES} } }`;

describe("the affiliate page's SQL statements", () => {
  let affiliates: RunningSubgraphProcess;
  beforeAll(async () => {
    affiliates = await startAffiliates();
  });
  afterAll(async () => {
    await affiliates?.stop();
  });

  /** An affiliate with `count` referrals, each with one commission in mixed states, and clicks on their link. */
  async function affiliateWith(count: number): Promise<Tenant> {
    const tenant = await newTenant(affiliates, 1);
    await enableProgramme(affiliates, tenant);
    const affiliate = await makeAffiliate(affiliates, tenant, tenant.contacts[0]!);
    for (let i = 0; i < 3; i++) await click(affiliates, tenant.businessId, affiliate.links[0].code, { ip: `192.0.2.${i}` });
    const em = forkFor(affiliates.orm, tenant.businessId);
    await sql(
      em,
      `insert into affiliates.referral (business_id, affiliate_id, link_id, contact_id, referred_at, first_converted_at)
       select ?, ?, ?, gen_random_uuid(), now() - (g || ' hours')::interval, now() from generate_series(1, ?) g`,
      [tenant.businessId, affiliate.id, affiliate.links[0].id, count],
    );
    await sql(
      em,
      `insert into affiliates.commission (business_id, affiliate_id, referral_id, kind, status, amount, currency, invoice_id, invoice_currency,
         paid_amount, commission_type, basis_points, fixed_amount, created_at, payable_at)
       select r.business_id, r.affiliate_id, r.id, 'COMMISSION', (array['PENDING','APPROVED','CANCELLED'])[1 + (row_number() over () % 3)::int],
         1000, 'USD', gen_random_uuid(), 'USD', 5000, 'PERCENTAGE', 2000, 0, r.referred_at, now() + interval '30 days'
       from affiliates.referral r where r.business_id = ? and r.affiliate_id = ?`,
      [tenant.businessId, affiliate.id],
    );
    return tenant;
  }

  it("are as many with 1,000 commissions as with 10", async () => {
    const small = await affiliateWith(10);
    const large = await affiliateWith(1000);
    const caller = (tenant: Tenant) => tenant.contacts[0]!.caller;
    await gql(affiliates, caller(small), PAGE); // warm-up
    const few = await countStatements(affiliates, small.businessId, () => gql(affiliates, caller(small), PAGE));
    const many = await countStatements(affiliates, large.businessId, async () => {
      const page = await gql(affiliates, caller(large), PAGE);
      expect(page.myAffiliate.commissions.totalCount).toBe(1000);
      expect(page.myAffiliate.commissions.edges).toHaveLength(20);
      expect(page.myAffiliate.links[0]).toMatchObject({ clicks: 3, referrals: 1000 });
      expect(page.myAffiliate.stats.days).toHaveLength(90);
    });
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
    // Staff's page of the same affiliate costs the same however long the history.
    const idOf = async (tenant: Tenant) => (await gql(affiliates, caller(tenant), `query { myAffiliate { id } }`)).myAffiliate.id;
    const [smallId, largeId] = [await idOf(small), await idOf(large)];
    const staffFew = await countStatements(affiliates, small.businessId, () =>
      gql(affiliates, small.owner.caller, STAFF_PAGE, { id: smallId }),
    );
    const staffMany = await countStatements(affiliates, large.businessId, () =>
      gql(affiliates, large.owner.caller, STAFF_PAGE, { id: largeId }),
    );
    expect(staffMany).toBe(staffFew);
  });
  it("are as many for a list of six affiliates with their figures as for two", async () => {
    const LIST = `query { affiliates(first: 20) { totalCount edges { node { id name
      stats(days: 90) { clicks referrals conversions conversionRate earnings { amount currency } }
      balances { currency pending approved paid } links { code clicks } } } } }`;
    const withAffiliates = async (count: number) => {
      const tenant = await newTenant(affiliates, count);
      await enableProgramme(affiliates, tenant);
      for (const contact of tenant.contacts) await makeAffiliate(affiliates, tenant, contact);
      return tenant;
    };
    const two = await withAffiliates(2);
    const six = await withAffiliates(6);
    await gql(affiliates, two.owner.caller, LIST); // warm-up
    const few = await countStatements(affiliates, two.businessId, () => gql(affiliates, two.owner.caller, LIST));
    const many = await countStatements(affiliates, six.businessId, async () => {
      const list = await gql(affiliates, six.owner.caller, LIST);
      expect(list.affiliates.edges).toHaveLength(6);
      for (const { node } of list.affiliates.edges) expect(node.links).toHaveLength(1);
    });
    expect(many).toBe(few);
  });
});
