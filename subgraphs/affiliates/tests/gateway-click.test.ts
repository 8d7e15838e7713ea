import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBusiness, createContact } from "../../../tests/support/journeys.js";
import { type Platform, startPlatform } from "../../../tests/support/platform.js";

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The whole platform: staff run the programme through the gateway, and a click reaches the subgraph through the file relay. */
describe("affiliates through the gateway", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("makes an affiliate and answers their link's click on the business's host only", async () => {
    const business = await createBusiness(platform, "Referral Studio");
    const other = await createBusiness(platform, "Other Studio");
    const contactId = await createContact(business.staff, { name: "Ada Lovelace", email: `ada@${business.slug}.test` });
    await business.staff.data(`mutation { updateAffiliateProgramme(input: { enabled: true }) { __typename } }`);
    const made = await until(
      () =>
        business.staff.data(
          `mutation($id: ID!) { makeAffiliate(contactId: $id, inviteToPortal: false) { __typename ... on AffiliateSuccess { affiliate { id links { code url } } } } }`,
          { id: contactId },
        ),
      (data) => data.makeAffiliate.__typename === "AffiliateSuccess",
      "affiliates to know the contact",
    );
    const link = made.makeAffiliate.affiliate.links[0];
    expect(link.url).toBe(`http://${business.host}:4000/r/${link.code}`);
    const answer = await platform.client(business.host).download(`/files/affiliates/r/${link.code}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.bytes.toString("utf8"))).toEqual({
      location: `http://${business.host}:4000/?ref=${link.code}`,
      code: link.code,
      cookieMaxAge: 30 * 86_400,
    });
    expect((await platform.client(other.host).download(`/files/affiliates/r/${link.code}`)).status).toBe(404);
    const card = await business.staff.data(`query($id: ID!) { contact(id: $id) { affiliateSummary { isAffiliate } } }`, { id: contactId });
    expect(card.contact.affiliateSummary).toEqual({ isAffiliate: true });
  });
});
