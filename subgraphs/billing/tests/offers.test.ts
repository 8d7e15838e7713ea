import { randomUUID } from "node:crypto";
import { callSubgraph, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousIn, apiKeyIn, gql, newTenant, startBilling, type Tenant } from "./helpers.js";
import { createOffer, knowBusiness, OFFER_FIELDS, OFFER_MUTATIONS, offerInput } from "./order-helpers.js";

const OFFERS = `query($status: OfferStatus, $first: Int, $after: String) { offers(status: $status, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${OFFER_FIELDS} } } } }`;
const OFFER = `query($id: ID!) { offer(id: $id) { ${OFFER_FIELDS} } }`;
const PUBLIC_OFFER = `query($slug: String!) { publicOffer(slug: $slug) { slug name descriptionHtml price currency paymentMode stripePublishableKey } }`;

describe("offers", () => {
  let billing: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    billing = await startBilling();
    a = await newTenant(billing);
    b = await newTenant(billing);
    await knowBusiness(billing, a.businessId, "https://shop.bright.test");
  });
  afterAll(() => billing?.stop());

  it("staff create an offer with its grants, a sanitised description and the public link on the business's own host", async () => {
    const courseId = randomUUID();
    const groupId = randomUUID();
    const offer = await createOffer(billing, a.staff, {
      name: "  Photo course ",
      slug: "photo-course",
      description: "Learn **light**.\n\n<script>alert(1)</script><img src=x onerror=alert(2)> [site](javascript:alert(3))",
      courseIds: [courseId, courseId],
      groupIds: [groupId],
    });
    expect(offer).toMatchObject({
      name: "Photo course",
      price: 24900,
      currency: "USD",
      slug: "photo-course",
      courseIds: [courseId],
      groupIds: [groupId],
      status: "ACTIVE",
      publicUrl: "https://shop.bright.test/buy/photo-course",
    });
    expect(offer.descriptionHtml).toContain("<strong>light</strong>");
    // Raw HTML is dropped and the javascript: link stays inert text, never an href.
    expect(offer.descriptionHtml).not.toMatch(/<script|onerror|href="javascript|<img/i);
  });

  it("names the field of every invalid value", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: " " }, "name"],
      [{ price: 10 }, "price"],
      [{ price: -100 }, "price"],
      [{ currency: "XYZ" }, "currency"],
      [{ slug: "Has Spaces" }, "slug"],
      [{ slug: "-dash" }, "slug"],
      [{ courseIds: ["not-a-course"] }, "courseIds.0"],
      [{ groupIds: [randomUUID(), "x"] }, "groupIds.1"],
    ];
    for (const [overrides, field] of cases) {
      const data = await gql(billing, a.staff, OFFER_MUTATIONS.create, { input: offerInput(overrides) });
      expect(data.createOffer, JSON.stringify(overrides)).toMatchObject({ __typename: "ValidationError", field });
    }
  });

  it("a slug is unique within a business, and another business may use the same one", async () => {
    await createOffer(billing, a.staff, { slug: "same-address" });
    const again = await gql(billing, a.staff, OFFER_MUTATIONS.create, { input: offerInput({ slug: "same-address" }) });
    expect(again.createOffer).toMatchObject({ __typename: "ValidationError", field: "slug" });
    expect((await createOffer(billing, b.staff, { slug: "same-address" })).slug).toBe("same-address");
    // Before billing knows business B's portal address, its link is null rather than made up.
    expect((await createOffer(billing, b.staff)).publicUrl).toBeNull();
  });

  it("edits, archives and restores; an archived offer's public page is gone", async () => {
    const offer = await createOffer(billing, a.staff);
    const edited = await gql(billing, a.staff, OFFER_MUTATIONS.update, {
      id: offer.id,
      input: offerInput({ slug: offer.slug, name: "Renamed", price: 9900, courseIds: [], groupIds: [] }),
    });
    expect(edited.updateOffer.offer).toMatchObject({ name: "Renamed", price: 9900, courseIds: [], groupIds: [] });
    const anonymous = anonymousIn(a.businessId);
    expect((await gql(billing, anonymous, PUBLIC_OFFER, { slug: offer.slug })).publicOffer).toMatchObject({
      name: "Renamed",
      price: 9900,
      currency: "USD",
      paymentMode: "TEST",
      stripePublishableKey: null,
    });
    expect((await gql(billing, a.staff, OFFER_MUTATIONS.archive, { id: offer.id })).archiveOffer.offer.status).toBe("ARCHIVED");
    expect((await gql(billing, anonymous, PUBLIC_OFFER, { slug: offer.slug })).publicOffer).toBeNull();
    const archived = await gql(billing, a.staff, OFFERS, { status: "ARCHIVED" });
    expect(archived.offers.edges.map((edge: any) => edge.node.id)).toContain(offer.id);
    expect((await gql(billing, a.staff, OFFER_MUTATIONS.restore, { id: offer.id })).restoreOffer.offer.status).toBe("ACTIVE");
    expect((await gql(billing, anonymous, PUBLIC_OFFER, { slug: offer.slug })).publicOffer.name).toBe("Renamed");
  });

  it("lists by name with Relay pages", async () => {
    const tenant = await newTenant(billing);
    for (const name of ["Cello", "Alto", "Bass"]) await createOffer(billing, tenant.staff, { name });
    const first = await gql(billing, tenant.staff, OFFERS, { first: 2 });
    expect(first.offers.totalCount).toBe(3);
    expect(first.offers.edges.map((edge: any) => edge.node.name)).toEqual(["Alto", "Bass"]);
    const rest = await gql(billing, tenant.staff, OFFERS, { first: 2, after: first.offers.pageInfo.endCursor });
    expect(rest.offers.edges.map((edge: any) => edge.node.name)).toEqual(["Cello"]);
    expect(rest.offers.pageInfo.hasNextPage).toBe(false);
  });

  it("another business's offers are not found by any operation, nor on its host's public page", async () => {
    const offer = await createOffer(billing, a.staff, { slug: `only-a-${randomUUID().slice(0, 6)}` });
    expect((await gql(billing, b.staff, OFFER, { id: offer.id })).offer).toBeNull();
    expect((await gql(billing, b.staff, OFFERS)).offers.edges.map((edge: any) => edge.node.id)).not.toContain(offer.id);
    for (const [mutation, variables] of [
      [OFFER_MUTATIONS.update, { id: offer.id, input: offerInput() }],
      [OFFER_MUTATIONS.archive, { id: offer.id }],
      [OFFER_MUTATIONS.restore, { id: offer.id }],
    ] as const) {
      const data = await gql(billing, b.staff, mutation, variables);
      expect(Object.values(data)[0]).toMatchObject({ __typename: "NotFoundError" });
    }
    expect((await gql(billing, anonymousIn(b.businessId), PUBLIC_OFFER, { slug: offer.slug })).publicOffer).toBeNull();
    expect((await gql(billing, a.staff, OFFER, { id: offer.id })).offer).toMatchObject({ name: offer.name, status: "ACTIVE" });
  });

  it("only staff and API keys manage offers; clients and visitors are refused", async () => {
    const reader = apiKeyIn(a.businessId, ["read"]);
    expect((await gql(billing, reader, OFFERS)).offers.totalCount).toBeGreaterThan(0);
    const denied = await callSubgraph(billing.url, reader, OFFER_MUTATIONS.create, { input: offerInput() });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await callSubgraph(billing.url, a.contact, OFFERS)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await callSubgraph(billing.url, anonymousIn(a.businessId), OFFERS)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
