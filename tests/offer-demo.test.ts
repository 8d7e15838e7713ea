import { TEST_SECRET } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_OFFER_SLUG, seedDemoOffer } from "../scripts/demo-offer.js";
import { createBusiness } from "./support/journeys.js";
import { type Platform, startPlatform } from "./support/platform.js";

/** The demo order form `npm start` adds: the demo course and community group for sale at /buy/photography-starter. */
describe("demo order form (npm start)", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("sells the business's course and group on its public order page; a second run adds nothing", async () => {
    const business = await createBusiness(platform, "Brightside Demo Studio");
    const course = await business.staff.data(
      `mutation { createCourse(input: { title: "Brand photography basics" }) { __typename ... on CourseSuccess { course { id } } } }`,
    );
    const group = await business.staff.data(
      `mutation { createCommunityGroup(input: { name: "Members' lounge" }) { __typename ... on CommunityGroupSuccess { group { id } } } }`,
    );
    const { viewer } = await business.staff.data(`{ viewer { staff { id name } } }`);
    const target = {
      parties: {
        business: { id: business.id, name: "Brightside Demo Studio" },
        owner: viewer.staff,
        client: { id: "", name: "", email: "" },
      },
      billingUrl: platform.billing.url,
      coursesUrl: platform.courses.url,
      communitiesUrl: platform.communities.url,
      portalSecret: TEST_SECRET,
      beforeChanges: async () => {},
    };
    expect(await seedDemoOffer(target)).toBe(1);

    const { offers } = await business.staff.data(`{ offers(first: 10) { edges { node { slug price currency courseIds groupIds } } } }`);
    expect(offers.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        slug: DEMO_OFFER_SLUG,
        price: 4900,
        currency: "USD",
        courseIds: [course.createCourse.course.id],
        groupIds: [group.createCommunityGroup.group.id],
      },
    ]);
    const visitor = platform.client(business.host);
    const page = await visitor.data(`query ($slug: String!) { publicOffer(slug: $slug) { name price currency descriptionHtml } }`, {
      slug: DEMO_OFFER_SLUG,
    });
    expect(page.publicOffer).toMatchObject({ name: "Photography starter", price: 4900, currency: "USD" });
    expect(page.publicOffer.descriptionHtml).toContain("<strong>Brand photography basics</strong>");

    expect(await seedDemoOffer(target)).toBe(0);
    expect((await business.staff.data(`{ offers(first: 10) { totalCount } }`)).offers.totalCount).toBe(1);
  }, 90_000);
});
