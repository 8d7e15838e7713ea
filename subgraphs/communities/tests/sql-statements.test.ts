import { forkFor, type RunningSubgraphProcess, sql } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements, gql, groupWith, newTenant, OPS, postIn, startCommunities, type Tenant } from "./helpers.js";

/** A feed page with 5 or 50 comments per post (each with replies and reactions) costs the same statements. */
describe("SQL statements per feed page", () => {
  let communities: RunningSubgraphProcess;
  beforeAll(async () => {
    communities = await startCommunities();
  });
  afterAll(async () => {
    await communities?.stop();
  });

  async function feedWith(commentsPerPost: number): Promise<{ tenant: Tenant; groupId: string }> {
    const tenant = await newTenant(communities);
    const [ada, grace] = tenant.contacts as [any, any];
    const groupId = await groupWith(communities, tenant, [ada, grace]);
    for (let index = 0; index < 5; index++) {
      const post = await postIn(communities, index % 2 ? ada.caller : tenant.owner.caller, groupId, `Post ${index}`);
      // Comments written straight into the table: the page's reads are what is measured.
      const em = forkFor(communities.orm, tenant.businessId);
      const rows = await sql<{ id: string }>(
        em,
        `insert into communities.comment (business_id, group_id, post_id, author_kind, author_id, body, body_html, created_at)
         select ?, ?, ?, 'contact', case when n % 2 = 0 then ?::uuid else ?::uuid end, 'c' || n, '<p>c' || n || '</p>', now() + n * interval '1 millisecond'
         from generate_series(1, ?) n returning id`,
        [tenant.businessId, groupId, post.id, ada.id, grace.id, commentsPerPost],
      );
      await sql(
        em,
        `insert into communities.comment (business_id, group_id, post_id, parent_id, author_kind, author_id, body, body_html)
         select business_id, group_id, post_id, id, 'staff', ?, 'r', '<p>r</p>' from communities.comment where post_id = ? and parent_id is null`,
        [tenant.owner.id, post.id],
      );
      await sql(
        em,
        `insert into communities.reaction (business_id, group_id, post_id, target_id, person_kind, person_id, kind)
         select business_id, group_id, post_id, id, 'contact', ?, 'like' from communities.comment where post_id = ?`,
        [ada.id, post.id],
      );
      expect(rows).toHaveLength(commentsPerPost);
    }
    return { tenant, groupId };
  }

  it("is the same with 5 and with 50 comments per post", async () => {
    const counts: number[] = [];
    for (const perPost of [5, 50]) {
      const { tenant, groupId } = await feedWith(perPost);
      let page: any;
      counts.push(
        await countStatements(communities, tenant.businessId, async () => {
          page = await gql(communities, tenant.contacts[0]!.caller, OPS.feed, { id: groupId, first: 10 });
        }),
      );
      const posts = page.communityGroup.feed.edges.map((edge: any) => edge.node);
      expect(posts).toHaveLength(5);
      expect(posts[0].comments.edges).toHaveLength(Math.min(perPost, 20));
      expect(posts[0].comments.totalCount).toBe(perPost);
      expect(posts[0].comments.edges[0].node.replies).toHaveLength(1);
      expect(posts[0].comments.edges[0].node.reactions).toEqual([{ kind: "LIKE", count: 1 }]);
      expect(page.communityGroup.feed.viewerReactions.length).toBeGreaterThanOrEqual(perPost);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(15);
  });
});
