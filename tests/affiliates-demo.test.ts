import { TEST_SECRET } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemoReferrals } from "../scripts/demo-affiliates.js";
import { createBusiness, signedInContact } from "./support/journeys.js";
import { type Platform, startPlatform } from "./support/platform.js";

const ALEX_VIEW = `{
  viewer { contact { affiliateSummary { isAffiliate referrals pending { amount currency } approved { amount currency } } } }
  myAffiliate { links { code isDefault clicks referrals conversions }
    commissions(first: 10) { edges { node { status amount currency referralLabel } } } }
}`;

/** The demo affiliate programme `npm start` adds: alex's links, visits, two referred clients, their paid invoices. */
describe("demo affiliates (npm start)", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("makes Alex an affiliate with two links, clicks, two referrals, one pending and one approved commission; a second run adds nothing", async () => {
    const business = await createBusiness(platform, "Brightside Demo Studio");
    const { id: contactId, email, client: alex } = await signedInContact(platform, business, "Alex Rivera");
    const { viewer } = await business.staff.data(`{ viewer { staff { id name } } }`);
    const target = {
      parties: {
        business: { id: business.id, name: "Brightside Demo Studio" },
        owner: viewer.staff,
        client: { id: contactId, name: "Alex Rivera", email },
      },
      identityUrl: platform.identity.url,
      billingUrl: platform.billing.url,
      affiliatesUrl: platform.affiliates.url,
      portalSecret: TEST_SECRET,
      beforeChanges: async () => {},
    };
    expect(await seedDemoReferrals(target)).toBe(1);

    const seen = await alex.data(ALEX_VIEW);
    expect(seen.viewer.contact.affiliateSummary).toMatchObject({
      isAffiliate: true,
      referrals: 2,
      pending: [{ amount: 24_000, currency: "USD" }],
      approved: [{ amount: 10_000, currency: "USD" }],
    });
    const links = seen.myAffiliate.links;
    expect(links).toHaveLength(2);
    expect(links.reduce((sum: number, link: { clicks: number }) => sum + link.clicks, 0)).toBe(8);
    expect(links.find((link: { isDefault: boolean }) => link.isDefault)).toMatchObject({ referrals: 0 });
    const statuses = seen.myAffiliate.commissions.edges.map((edge: { node: { status: string } }) => edge.node.status).sort();
    expect(statuses).toEqual(["APPROVED", "PENDING"]);

    expect(await seedDemoReferrals(target)).toBe(0);
    const again = await alex.data(ALEX_VIEW);
    expect(again.myAffiliate.commissions.edges).toHaveLength(2);
    const { contacts } = await business.staff.data(`{ contacts(first: 10, search: "client.test") { totalCount } }`);
    expect(contacts.totalCount).toBe(2);
  }, 120_000);
});
