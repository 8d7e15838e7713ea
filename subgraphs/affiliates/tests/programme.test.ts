import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locationFor, seedDemoAffiliates } from "../src/index.js";
import { click, enableProgramme, gql, makeAffiliate, newTenant, OPS, paid, startAffiliates } from "./helpers.js";

describe("the programme, pagination and the demo", () => {
  let affiliates: RunningSubgraphProcess;
  beforeAll(async () => {
    affiliates = await startAffiliates();
  });
  afterAll(async () => {
    await affiliates?.stop();
  });

  it("starts off with the defaults and names the invalid field", async () => {
    const tenant = await newTenant(affiliates);
    expect((await gql(affiliates, tenant.owner.caller, OPS.programme)).affiliateProgramme).toEqual({
      enabled: false,
      commissionType: "PERCENTAGE",
      commissionBasisPoints: 2000,
      fixedAmount: 0,
      fixedCurrency: "USD",
      recurringMonths: null,
      attributionWindowDays: 30,
      holdDays: 30,
      minimumPayout: 5000,
      allowedLandingUrls: [],
    });
    const invalid: [Record<string, unknown>, string][] = [
      [{ commissionBasisPoints: 10001 }, "commissionBasisPoints"],
      [{ attributionWindowDays: 0 }, "attributionWindowDays"],
      [{ holdDays: 366 }, "holdDays"],
      [{ minimumPayout: -1 }, "minimumPayout"],
      [{ recurringMonths: 121 }, "recurringMonths"],
      [{ fixedCurrency: "EURO" }, "fixedCurrency"],
      [{ allowedLandingUrls: ["https://ok.example", "javascript:alert(1)"] }, "allowedLandingUrls.1"],
      [{ allowedLandingUrls: ["https://user@ok.example"] }, "allowedLandingUrls.0"],
      [{ allowedLandingUrls: Array.from({ length: 21 }, (_, i) => `https://s${i}.example`) }, "allowedLandingUrls"],
    ];
    for (const [input, field] of invalid)
      expect((await gql(affiliates, tenant.owner.caller, OPS.updateProgramme, { input })).updateAffiliateProgramme).toMatchObject({
        __typename: "ValidationError",
        field,
      });
    const saved = await enableProgramme(affiliates, tenant, { recurringMonths: 6, allowedLandingUrls: ["HTTPS://Shop.Example.com/a"] });
    expect(saved).toEqual({ enabled: true, recurringMonths: 6, allowedLandingUrls: ["https://shop.example.com/a"] });
  });

  it("never builds a location from a stored address that is not a plain web page", () => {
    for (const stored of ["javascript:alert(1)", "//evil.example", "https://u@evil.example", "data:,x", ""])
      expect(locationFor(stored, "code")).toBeNull();
    expect(locationFor("https://shop.example.com/a?ref=old&x=1", "new-code")).toBe("https://shop.example.com/a?ref=new-code&x=1");
  });

  it("pages the commission history with Relay cursors", async () => {
    const tenant = await newTenant(affiliates);
    await enableProgramme(affiliates, tenant);
    const ada = await makeAffiliate(affiliates, tenant, tenant.contacts[0]!);
    for (const contact of tenant.contacts.slice(1)) {
      await gql(affiliates, tenant.owner.caller, OPS.setReferrer, { contactId: contact.id, affiliateId: ada.id });
      await paid(affiliates, tenant, contact.id, 1000);
    }
    const page = (after?: string) =>
      gql(
        affiliates,
        tenant.contacts[0]!.caller,
        `query($after: String) { myAffiliate { commissions(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
        { after },
      );
    const first = (await page()).myAffiliate.commissions;
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    const second = (await page(first.pageInfo.endCursor)).myAffiliate.commissions;
    expect(second.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.edges, ...second.edges].map((edge: any) => edge.node.id);
    expect(new Set(ids).size).toBe(3);
  });

  it("seeds the demo through the API once: an affiliate with two links, clicks, two referrals, one pending and one approved commission", async () => {
    const tenant = await newTenant(affiliates);
    const staff = {
      data: <D>(query: string, variables?: Record<string, unknown>) => gql<D>(affiliates, tenant.owner.caller, query, variables),
    };
    const input = {
      staff,
      contact: { id: tenant.contacts[0]!.id, name: tenant.contacts[0]!.name },
      referred: tenant.contacts.slice(1, 3).map((contact) => ({ id: contact.id, name: contact.name })),
      visit: (code: string, visitor: number) => click(affiliates, tenant.businessId, code, { ip: `192.0.2.${visitor}` }),
      payInvoice: (contactId: string, amount: number) => paid(affiliates, tenant, contactId, amount),
      timeoutMs: 10_000,
    };
    expect(await seedDemoAffiliates(input)).toBe(1);
    expect(await seedDemoAffiliates(input)).toBe(0);
    const me = (
      await gql(
        affiliates,
        tenant.contacts[0]!.caller,
        `query { myAffiliate { links { code clicks referrals } stats { clicks referrals conversions } commissions(first: 10) { edges { node { status amount } } } } }`,
      )
    ).myAffiliate;
    expect(me.links).toHaveLength(2);
    expect(me.stats).toEqual({ clicks: 8, referrals: 2, conversions: 2 });
    expect(me.commissions.edges.map((edge: any) => edge.node.status).sort()).toEqual(["APPROVED", "PENDING"]);
  });
});
