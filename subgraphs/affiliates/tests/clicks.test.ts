import { forkFor, type RunningSubgraphProcess, sql } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowedLandingUrl } from "../src/index.js";
import { click, enableProgramme, gql, makeAffiliate, newTenant, OPS, ok, raw, startAffiliates, type Tenant } from "./helpers.js";

const ALLOWED = ["https://shop.example.com/offers", "https://www.example.com/"];

/** Landing URLs that would send a visitor elsewhere: refused when a link is made, whatever the trick. */
const HOSTILE = [
  "//evil.example",
  "//evil.example/offers",
  "https:evil.example",
  "https:/evil.example",
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://good@evil.example",
  "https://shop.example.com@evil.example/offers",
  "https://shop.example.com:443@evil.example/offers",
  "https://user:pass@shop.example.com/offers",
  "https://evil.example\\@shop.example.com/offers",
  "https:\\\\evil.example",
  "https://shop.example.com\\evil.example/offers",
  "/\\evil.example",
  "https://shop.example.com.evil.example/offers",
  "https://evil.example/https://shop.example.com/offers",
  "https://shop.example.com%2F@evil.example/offers",
  "https://shop.example.com%2f%2fevil.example",
  "https://shop.example.com／evil.example",
  "https://shop.example.com．evil.example/offers",
  "https://shop.example.com\u2025evil.example",
  "https://shop.example.com/offers\u0000",
  " https://evil.example",
  "https://shop.example.com/offersx",
  "https://shop.example.com/offers/../admin",
  "https://shop.example.com/offers/%2e%2e/admin",
  "http://shop.example.com/offers",
  "https://shop.example.com:8443/offers",
  "ftp://shop.example.com/offers",
  "https://ѕhop.example.com/offers",
];

describe("referral links and the click route", () => {
  let affiliates: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let ada: any;
  beforeAll(async () => {
    affiliates = await startAffiliates();
    [a, b] = await Promise.all([newTenant(affiliates), newTenant(affiliates)]);
    await enableProgramme(affiliates, a, { allowedLandingUrls: ALLOWED, attributionWindowDays: 45 });
    await enableProgramme(affiliates, b);
    ada = await makeAffiliate(affiliates, a, a.contacts[0]!);
  });
  afterAll(async () => {
    await affiliates?.stop();
  });

  const clicksOf = async (tenant: Tenant) =>
    (
      await sql<{ n: number }>(
        forkFor(affiliates.orm, tenant.businessId),
        `select count(*)::int as n from affiliates.click where business_id = ?`,
        [tenant.businessId],
      )
    )[0]!.n;

  it("refuses every landing URL outside the allowed sites, naming the field, and never redirects there", async () => {
    for (const landingUrl of HOSTILE) {
      expect(typeof allowedLandingUrl(landingUrl, ALLOWED) === "string" ? landingUrl : null).toBeNull();
      const answer = await raw(affiliates, a.contacts[0]!.caller, OPS.createLink, {
        input: { slug: `x-${Math.random().toString(36).slice(2, 8)}`, landingUrl },
      });
      // Control characters are refused before the resolver runs, naming the field too.
      if (answer.errors) expect(answer.errors[0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.landingUrl" });
      else expect(answer.data.createReferralLink, landingUrl).toMatchObject({ __typename: "ValidationError", field: "landingUrl" });
    }
    const [row] = await sql<{ n: number }>(
      forkFor(affiliates.orm, a.businessId),
      `select count(*)::int as n from affiliates.referral_link where business_id = ? and not is_default`,
      [a.businessId],
    );
    expect(row!.n).toBe(0);
  });

  it("takes pages at or under an allowed entry and the portal, and redirects there with ref=<code>", async () => {
    const made = [];
    for (const [slug, landingUrl] of [
      ["spring-offer", "https://shop.example.com/offers/spring?utm=x#top"],
      ["home-page", "https://www.example.com/"],
      ["in-portal", `${a.portalUrl}/courses`],
    ] as const) {
      made.push(
        ok((await gql(affiliates, a.contacts[0]!.caller, OPS.createLink, { input: { slug, landingUrl } })).createReferralLink, "link"),
      );
    }
    expect(made[0]).toMatchObject({ code: "spring-offer", url: `${a.portalUrl}/r/spring-offer`, isDefault: false });
    const answer = await click(affiliates, a.businessId, "Spring-Offer");
    expect(answer).toEqual({
      status: 200,
      body: {
        location: "https://shop.example.com/offers/spring?utm=x&ref=spring-offer#top",
        code: "spring-offer",
        cookieMaxAge: 45 * 86_400,
      },
    });
    expect((await click(affiliates, a.businessId, "in-portal")).body.location).toBe(`${a.portalUrl}/courses?ref=in-portal`);
    // The default link lands on the programme's first site.
    expect((await click(affiliates, a.businessId, ada.links[0].code)).body.location).toBe(
      `https://shop.example.com/offers?ref=${ada.links[0].code}`,
    );
    // A taken code, and a bad slug, name the field.
    expect(
      (
        await gql(affiliates, a.owner.caller, OPS.createLink, {
          input: { affiliateId: ada.id, slug: "spring-offer", landingUrl: ALLOWED[0] },
        })
      ).createReferralLink,
    ).toMatchObject({ __typename: "ValidationError", field: "slug" });
    expect(
      (await gql(affiliates, a.contacts[0]!.caller, OPS.createLink, { input: { slug: "../x", landingUrl: ALLOWED[0] } }))
        .createReferralLink,
    ).toMatchObject({ __typename: "ValidationError", field: "slug" });
  });

  it("answers 404 for unknown codes, another business's codes and odd paths", async () => {
    for (const code of ["nope-nope", "a", "%2F%2Fevil.example", "..%2F..%2Fgraphql", "javascript:alert(1)"])
      expect((await click(affiliates, a.businessId, code)).status).toBe(404);
    expect((await click(affiliates, b.businessId, ada.links[0].code)).status).toBe(404);
  });

  it("counts a visitor once a day per link, never bots, and stores no address", async () => {
    const code = ok(
      (await gql(affiliates, a.contacts[0]!.caller, OPS.createLink, { input: { slug: "counted", landingUrl: ALLOWED[1] } }))
        .createReferralLink,
      "link",
    ).code;
    const before = await clicksOf(a);
    const visitor = { ip: "198.51.100.23", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Safari/605.1.15" };
    for (let i = 0; i < 3; i++) expect((await click(affiliates, a.businessId, code, visitor)).status).toBe(200);
    expect(await clicksOf(a)).toBe(before + 1);
    await click(affiliates, a.businessId, code, { ...visitor, ip: "198.51.100.24" });
    expect(await clicksOf(a)).toBe(before + 2);
    for (const userAgent of [
      "Googlebot/2.1 (+http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
      "curl/8.5.0",
      "facebookexternalhit/1.1",
      "",
    ]) {
      const answer = await click(affiliates, a.businessId, code, { ip: "192.0.2.1", userAgent });
      expect(answer.status).toBe(200); // bots still get the redirect
    }
    expect(await clicksOf(a)).toBe(before + 2);
    const keys = await sql<Record<string, unknown>>(
      forkFor(affiliates.orm, a.businessId),
      `select * from affiliates.click where business_id = ?`,
      [a.businessId],
    );
    expect(JSON.stringify(keys)).not.toContain("198.51.100");
    const links = (await gql(affiliates, a.contacts[0]!.caller, `query { myAffiliate { links { code clicks } } }`)).myAffiliate.links;
    expect(links.find((link: any) => link.code === code).clicks).toBe(2);
  });

  it("still redirects a removed affiliate's link but records nothing", async () => {
    const grace = await makeAffiliate(affiliates, a, a.contacts[1]!);
    const before = await clicksOf(a);
    ok((await gql(affiliates, a.owner.caller, OPS.remove, { id: grace.id })).removeAffiliate, "affiliate");
    const answer = await click(affiliates, a.businessId, grace.links[0].code, { ip: "192.0.2.99" });
    expect(answer.status).toBe(200);
    expect(await clicksOf(a)).toBe(before);
  });

  it("refuses to delete the default link; deletes a campaign link for its owner only", async () => {
    const link = ok(
      (await gql(affiliates, a.contacts[0]!.caller, OPS.createLink, { input: { slug: "short-lived", landingUrl: ALLOWED[1] } }))
        .createReferralLink,
      "link",
    );
    expect((await gql(affiliates, a.contacts[0]!.caller, OPS.deleteLink, { id: ada.links[0].id })).deleteReferralLink.__typename).toBe(
      "AffiliateStateError",
    );
    expect((await gql(affiliates, a.contacts[2]!.caller, OPS.deleteLink, { id: link.id })).deleteReferralLink.__typename).toBe(
      "NotFoundError",
    );
    ok((await gql(affiliates, a.contacts[0]!.caller, OPS.deleteLink, { id: link.id })).deleteReferralLink, "link");
    expect((await click(affiliates, a.businessId, "short-lived")).status).toBe(404);
  });
});
