import { seedDemoCommunity } from "@portal/communities";
import { TEST_SECRET } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SignedSubgraph } from "../scripts/signed-subgraph.js";
import { createBusiness, signedInContact } from "./support/journeys.js";
import { type Platform, startPlatform } from "./support/platform.js";

const ALEX_VIEW = `{
  viewer { contact { communitySummary { hasGroups groupCount unreadCount } } }
  communityGroups { edges { node { id name memberCount membership { notificationLevel }
    feed(first: 10) { totalCount viewerReactions { targetId kinds }
      edges { node { title pinned author { name kind } reactions { kind count } commentCount
        comments(first: 10) { edges { node { html author { name } replies { html author { name } } } } } } } } } } }
}`;

/** The demo community `npm start` adds, made through communities' own API as the owner and as Alex. */
describe("demo community (npm start)", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("gives Alex a group with posts, comments and reactions; a second run adds nothing", async () => {
    const business = await createBusiness(platform, "Brightside Demo Studio");
    const { id: contactId, email, client: alex } = await signedInContact(platform, business, "Alex Rivera");
    const { viewer } = await business.staff.data(`{ viewer { staff { id name } } }`);
    const as = (actor: ConstructorParameters<typeof SignedSubgraph>[3]) =>
      new SignedSubgraph(platform.communities.url, TEST_SECRET, business.id, actor);
    const input = {
      staff: as({ kind: "staff", id: viewer.staff.id, role: "owner" }),
      client: as({ kind: "contact", id: contactId }),
      business: { name: "Brightside Demo Studio" },
      owner: viewer.staff,
      contact: { id: contactId, name: "Alex Rivera" },
    };
    expect(await seedDemoCommunity(input)).toBe(1);

    const seen = await alex.data(ALEX_VIEW);
    expect(seen.viewer.contact.communitySummary).toMatchObject({ hasGroups: true, groupCount: 1 });
    const [group] = seen.communityGroups.edges.map((edge: any) => edge.node);
    expect(group).toMatchObject({ name: "Members' lounge", memberCount: 1, membership: { notificationLevel: "REPLIES_AND_MENTIONS" } });
    const posts = group.feed.edges.map((edge: any) => edge.node);
    expect(posts.map((post: any) => [post.title, post.pinned, post.author.kind])).toEqual([
      ["Welcome to the lounge 👋", true, "STAFF"],
      ["Tips for the quarterly review?", false, "CONTACT"],
    ]);
    expect(posts[0].author.name).toBe(viewer.staff.name);
    expect(posts[0].reactions).toEqual([{ kind: "LOVE", count: 1 }]);
    expect(posts[0].comments.edges[0].node.author.name).toBe("Alex Rivera");
    expect(posts[0].comments.edges[0].node.replies[0].html).toContain('class="mention"');
    expect(posts[1].reactions).toEqual([
      { kind: "LIKE", count: 1 },
      { kind: "INSIGHTFUL", count: 1 },
    ]);
    expect(group.feed.viewerReactions).toContainEqual({ targetId: expect.any(String), kinds: ["LOVE"] });

    expect(await seedDemoCommunity(input)).toBe(0);
    expect((await alex.data(`{ communityGroups { totalCount } }`)).communityGroups.totalCount).toBe(1);
  }, 90_000);
});
