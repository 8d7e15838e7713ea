import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PortalClient } from "./support/http-client.js";
import { createBusiness, createContact, createInvoice, type TestBusiness } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

/*
 * Affiliate links through the gateway as visitors, staff and the affiliate meet them: the portal
 * host's `/r/<code>` counts the click and redirects with the referral cookie; a contact created with
 * the code is the affiliate's referral; their paid invoice is the affiliate's pending commission,
 * and the affiliate is emailed about the referral.
 */

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const LANDING = "https://shop.example.test/offers";
const RESULT = `__typename ... on UserError { message }`;

interface Affiliate {
  id: string;
  links: { code: string; clicks: number; referrals: number; conversions: number }[];
}

async function affiliateProgramme(staff: PortalClient): Promise<void> {
  const saved = await staff.data(`mutation ($input: AffiliateProgrammeInput!) { updateAffiliateProgramme(input: $input) { ${RESULT} } }`, {
    input: { enabled: true, commissionType: "PERCENTAGE", commissionBasisPoints: 2000, holdDays: 30, allowedLandingUrls: [LANDING] },
  });
  expect(saved.updateAffiliateProgramme.__typename).toBe("AffiliateProgrammeSuccess");
}

/** Staff make a contact an affiliate; affiliates learns of a new contact from identity's events, so it is tried until it knows them. */
async function makeAffiliate(staff: PortalClient, contactId: string): Promise<Affiliate> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = (
      await staff.data(
        `mutation ($id: ID!) { makeAffiliate(contactId: $id, inviteToPortal: false) { ${RESULT} ... on AffiliateSuccess { affiliate { id links { code clicks referrals conversions } } } } }`,
        { id: contactId },
      )
    ).makeAffiliate;
    if (answer.__typename === "AffiliateSuccess") return answer.affiliate;
    if (Date.now() > deadline) throw new Error(`makeAffiliate: ${JSON.stringify(answer)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function affiliate(staff: PortalClient, id: string): Promise<any> {
  const data = await staff.data(
    `query ($id: ID!) { affiliate(id: $id) { id links { code clicks referrals conversions }
      commissions(first: 10) { edges { node { status amount currency referralLabel } } } } }`,
    { id },
  );
  return data.affiliate;
}

describe("affiliate links through the gateway", () => {
  let platform: Platform;
  let acme: TestBusiness;
  let other: TestBusiness;
  let alex: Affiliate;

  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
    [acme, other] = await Promise.all([createBusiness(platform, "Acme Studio"), createBusiness(platform, "Other Studio")]);
    await affiliateProgramme(acme.staff);
    const alexId = await createContact(acme.staff, { name: "Alex Affiliate", email: `alex@${acme.slug}.test` });
    alex = await makeAffiliate(acme.staff, alexId);
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it("redirects a visitor to the landing page with the code, and sets the referral cookie on the portal host", async () => {
    const code = alex.links[0]!.code;
    const visit = await platform.client(acme.host).visit(`/r/${code}`, { "user-agent": BROWSER });
    expect(visit.status).toBe(302);
    const location = new URL(visit.headers.get("location")!);
    expect(`${location.origin}${location.pathname}`).toBe(LANDING);
    expect(location.searchParams.get("ref")).toBe(code);
    const cookie = visit.headers.get("set-cookie")!;
    expect(cookie).toContain(`portal_ref=${code}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toContain(`Max-Age=${30 * 86_400}`);
    expect(visit.headers.get("cache-control")).toContain("no-store");
  });

  it("counts a visitor once a day, never a bot, and each different visitor", async () => {
    const code = alex.links[0]!.code;
    const before = (await affiliate(acme.staff, alex.id)).links[0].clicks;
    const visitor = platform.client(acme.host);
    for (const agent of [
      `${BROWSER} one`,
      `${BROWSER} one`,
      `${BROWSER} two`,
      "Googlebot/2.1 (+http://www.google.com/bot.html)",
      "curl/8.5.0",
    ])
      expect((await visitor.visit(`/r/${code}`, { "user-agent": agent })).status).toBe(302);
    expect((await affiliate(acme.staff, alex.id)).links[0].clicks).toBe(before + 2);
  });

  it("answers an unknown code, another business's code and a malformed one with a page saying the link is not valid", async () => {
    const code = alex.links[0]!.code;
    for (const [host, path] of [
      [acme.host, "/r/no-such-link"],
      [other.host, `/r/${code}`],
      [acme.host, "/r/%2F%2Fevil.example"],
      [acme.host, "/r/a%0d%0aset-cookie:x=1"],
    ] as const) {
      const visit = await platform.client(host).visit(path, { "user-agent": BROWSER });
      expect(visit.status, `${host}${path}`).toBe(404);
      expect(visit.headers.get("location")).toBeNull();
      expect(visit.text).toContain("This link is not valid");
    }
  });

  it("credits a contact created with the code as a referral, and their paid invoice as a pending commission", async () => {
    const code = alex.links[0]!.code;
    const created = await acme.staff.data(
      `mutation ($input: ContactInput!) { createContact(input: $input) { ${RESULT} ... on ContactSuccess { contact { id } } } }`,
      { input: { name: "Sam Buyer", email: `sam@${acme.slug}.test`, phone: null, dnd: false, referralCode: code } },
    );
    expect(created.createContact.__typename).toBe("ContactSuccess");
    const samId = created.createContact.contact.id;
    await expect.poll(async () => (await affiliate(acme.staff, alex.id)).links[0].referrals, { timeout: 20_000 }).toBe(1);

    const invoice = await createInvoice(acme.staff, {
      contactId: samId,
      currency: "USD",
      lines: [{ description: "Starter package", quantity: 1, unitPrice: 50_000 }],
      issueDate: "2026-12-01",
      dueDate: "2099-12-01",
    });
    const sent = await acme.staff.data(`mutation ($id: ID!) { sendInvoice(id: $id) { ${RESULT} } }`, { id: invoice.id });
    expect(sent.sendInvoice.__typename).toBe("InvoiceSuccess");
    const recorded = await acme.staff.data(`mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { ${RESULT} } }`, {
      input: { invoiceId: invoice.id, method: "BANK_TRANSFER", reference: "TRF-1" },
    });
    expect(recorded.recordPayment.__typename).toBe("InvoiceSuccess");

    await expect
      .poll(async () => (await affiliate(acme.staff, alex.id)).commissions.edges.map((edge: any) => edge.node), { timeout: 20_000 })
      .toEqual([expect.objectContaining({ status: "PENDING", amount: 10_000, currency: "USD" })]);
    const figures = await affiliate(acme.staff, alex.id);
    expect(figures.links[0]).toMatchObject({ referrals: 1, conversions: 1 });
    expect(figures.commissions.edges[0].node.referralLabel).toContain("Sam");

    // The affiliate is told about the referral by email.
    await expect
      .poll(
        async () =>
          (
            await acme.staff.data(`query ($to: String) { devMailbox(first: 10, to: $to) { edges { node { subject } } } }`, {
              to: `alex@${acme.slug}.test`,
            })
          ).devMailbox.edges.map((edge: any) => edge.node.subject),
        { timeout: 20_000 },
      )
      .toEqual(expect.arrayContaining([expect.stringMatching(/referral/i)]));
  });

  it("never shows one business's affiliates, links or commissions to another", async () => {
    const data = await other.staff.data(`query ($id: ID!) { affiliate(id: $id) { id } affiliates(first: 10) { edges { node { id } } } }`, {
      id: alex.id,
    });
    expect(data.affiliate).toBeNull();
    expect(data.affiliates.edges).toEqual([]);
  });
});
