import type { Actor } from "@portal/kit";
import type { DemoParties } from "@portal/identity";
import { SignedSubgraph } from "./signed-subgraph.js";

export const DEMO_OFFER_SLUG = "photography-starter";

export interface DemoOfferTarget {
  parties: DemoParties;
  billingUrl: string;
  coursesUrl: string;
  communitiesUrl: string;
  portalSecret: string;
  beforeChanges: () => Promise<void>;
}

interface Edges<T> {
  edges: { node: T }[];
}

/**
 * The demo's order form: "Photography starter" sells the demo course and a place in the demo
 * community group, so a visitor can buy it at `/buy/photography-starter` with a test payment and
 * find both in the portal (the default "order paid" workflow invites them and grants both). Made
 * through billing's own API as the owner, once the course and the group exist; a second run adds
 * nothing. Returns how many offers were created (0 or 1).
 */
export async function seedDemoOffer(target: DemoOfferTarget): Promise<number> {
  const { parties, portalSecret } = target;
  const owner: Actor = { kind: "staff", id: parties.owner.id, role: "owner" };
  const as = (url: string) => new SignedSubgraph(url, portalSecret, parties.business.id, owner);
  const billing = as(target.billingUrl);
  const existing = await billing.data<{ offers: Edges<{ slug: string }> }>(`{ offers(first: 100) { edges { node { slug } } } }`);
  if (existing.offers.edges.some((edge) => edge.node.slug === DEMO_OFFER_SLUG)) return 0;
  const [courses, groups] = await Promise.all([
    as(target.coursesUrl).data<{ courses: Edges<{ id: string }> }>(`{ courses(first: 1) { edges { node { id } } } }`),
    as(target.communitiesUrl).data<{ communityGroups: Edges<{ id: string }> }>(`{ communityGroups(first: 1) { edges { node { id } } } }`),
  ]);
  const courseIds = courses.courses.edges.map((edge) => edge.node.id);
  const groupIds = groups.communityGroups.edges.map((edge) => edge.node.id);
  await target.beforeChanges();
  const created = await billing.data<{ createOffer: { __typename: string; message?: string } }>(
    `mutation ($input: OfferInput!) { createOffer(input: $input) { __typename ... on UserError { message } } }`,
    {
      input: {
        name: "Photography starter",
        description:
          "Everything to start taking brand photos you are proud of:\n\n- the **Brand photography basics** course, at your own pace\n- a place in the **Members' lounge** to share your shots and ask questions",
        price: 4900,
        currency: "USD",
        slug: DEMO_OFFER_SLUG,
        courseIds,
        groupIds,
      },
    },
  );
  if (created.createOffer.__typename !== "OfferSuccess")
    throw new Error(`Demo offer: billing refused it: ${created.createOffer.message ?? created.createOffer.__typename}`);
  return 1;
}
