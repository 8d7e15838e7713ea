import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, groupWith, newTenant, OPS, ok, postIn, type Tenant, startCommunities } from "./helpers.js";

describe("groups, feed, comments and reactions", () => {
  let communities: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    communities = await startCommunities();
    a = await newTenant(communities);
  });
  afterAll(async () => {
    await communities?.stop();
  });

  it("members post, comment, reply and react; the feed pages newest first with pinned on top", async () => {
    const [ada, grace, alan] = a.contacts as [any, any, any];
    const groupId = await groupWith(communities, a, [ada, grace]);
    const first = await postIn(communities, ada.caller, groupId, "Hello **world**", "First");
    expect(first.html).toBe("<p>Hello <strong>world</strong></p>");
    expect(first.author).toMatchObject({ id: ada.id, kind: "CONTACT", name: "Ada Lovelace", initials: "AL" });
    const second = await postIn(communities, grace.caller, groupId, "Second post, hi @Ada");
    expect(second.html).toContain(
      `<a class="mention" href="#person-${ada.id}" data-person-id="${ada.id}" data-person-kind="contact">@Ada</a>`,
    );
    const third = await postIn(communities, a.owner.caller, groupId, "Staff post");
    ok((await gql(communities, a.owner.caller, OPS.pin, { id: first.id, pinned: true })).pinCommunityPost, "post");

    const comment = ok(
      (await gql(communities, grace.caller, OPS.comment, { input: { postId: first.id, body: "Nice" } })).createCommunityComment,
      "comment",
    );
    const reply = ok(
      (await gql(communities, ada.caller, OPS.comment, { input: { postId: first.id, parentId: comment.id, body: "Thanks" } }))
        .createCommunityComment,
      "comment",
    );
    expect(reply.parentId).toBe(comment.id);
    // A reply to a reply joins the same thread (one level).
    const nested = ok(
      (await gql(communities, grace.caller, OPS.comment, { input: { postId: first.id, parentId: reply.id, body: "Sure" } }))
        .createCommunityComment,
      "comment",
    );
    expect(nested.parentId).toBe(comment.id);

    const reacted = await gql(communities, grace.caller, OPS.react, { input: { targetId: first.id, kind: "LOVE" } });
    expect(ok(reacted.addCommunityReaction, "reactions")).toEqual([{ kind: "LOVE", count: 1 }]);
    await gql(communities, grace.caller, OPS.react, { input: { targetId: comment.id, kind: "LIKE" } });

    const page = await gql(communities, grace.caller, OPS.feed, { id: groupId, first: 2 });
    const feed = page.communityGroup.feed;
    expect(feed.totalCount).toBe(3);
    expect(feed.edges.map((edge: any) => edge.node.id)).toEqual([first.id, third.id]);
    const pinned = feed.edges[0].node;
    expect(pinned).toMatchObject({ pinned: true, commentCount: 3, reactions: [{ kind: "LOVE", count: 1 }] });
    expect(pinned.comments.edges).toHaveLength(1);
    expect(pinned.comments.edges[0].node.replies.map((r: any) => r.id)).toEqual([reply.id, nested.id]);
    expect(feed.viewerReactions).toEqual(
      expect.arrayContaining([
        { targetId: first.id, kinds: ["LOVE"] },
        { targetId: comment.id, kinds: ["LIKE"] },
      ]),
    );
    const next = await gql(communities, grace.caller, OPS.feed, { id: groupId, first: 2, after: feed.pageInfo.endCursor });
    expect(next.communityGroup.feed.edges.map((edge: any) => edge.node.id)).toEqual([second.id]);
    expect(next.communityGroup.feed.pageInfo.hasNextPage).toBe(false);

    // Full-text search within the group.
    const found = await gql(communities, ada.caller, OPS.feed, { id: groupId, search: "staff" });
    expect(found.communityGroup.feed.edges.map((edge: any) => edge.node.id)).toEqual([third.id]);

    // A contact who is not a member sees nothing.
    expect((await gql(communities, alan.caller, OPS.feed, { id: groupId })).communityGroup).toBeNull();
  });

  it("authors edit and delete their own; staff remove any as moderators; closed comments take none", async () => {
    const [ada, grace] = a.contacts as [any, any];
    const groupId = await groupWith(communities, a, [ada, grace], "Edits");
    const post = await postIn(communities, ada.caller, groupId, "Draft");
    const edited = ok(
      (await gql(communities, ada.caller, OPS.updatePost, { id: post.id, input: { body: "Final", title: "T" } })).updateCommunityPost,
      "post",
    );
    expect(edited).toMatchObject({ edited: true, html: "<p>Final</p>", title: "T" });
    const notYours = await gql(communities, grace.caller, OPS.updatePost, { id: post.id, input: { body: "Hijack" } });
    expect(notYours.updateCommunityPost.__typename).toBe("NotFoundError");
    expect((await gql(communities, grace.caller, OPS.deletePost, { id: post.id })).deleteCommunityPost.__typename).toBe("NotFoundError");

    ok((await gql(communities, a.owner.caller, OPS.closeComments, { id: post.id, closed: true })).setCommunityPostCommentsClosed, "post");
    const closed = await gql(communities, grace.caller, OPS.comment, { input: { postId: post.id, body: "late" } });
    expect(closed.createCommunityComment.__typename).toBe("CommunityStateError");

    const removed = ok((await gql(communities, a.owner.caller, OPS.deletePost, { id: post.id })).deleteCommunityPost, "post");
    expect(removed).toMatchObject({ removed: true, removedBy: "MODERATOR" });
    // The author still sees it, as removed by a moderator; other members no longer do.
    const authorFeed = await gql(communities, ada.caller, OPS.feed, { id: groupId });
    expect(authorFeed.communityGroup.feed.edges[0].node).toMatchObject({
      id: post.id,
      removed: true,
      removedBy: "MODERATOR",
      body: null,
      html: null,
    });
    const otherFeed = await gql(communities, grace.caller, OPS.feed, { id: groupId });
    expect(otherFeed.communityGroup.feed.edges).toHaveLength(0);

    const own = await postIn(communities, grace.caller, groupId, "Mine");
    const c = ok(
      (await gql(communities, ada.caller, OPS.comment, { input: { postId: own.id, body: "hey" } })).createCommunityComment,
      "comment",
    );
    expect(
      ok((await gql(communities, ada.caller, OPS.updateComment, { id: c.id, body: "hey!" })).updateCommunityComment, "comment"),
    ).toMatchObject({
      edited: true,
    });
    expect(ok((await gql(communities, ada.caller, OPS.deleteComment, { id: c.id })).deleteCommunityComment, "comment")).toMatchObject({
      removed: true,
      removedBy: "AUTHOR",
    });
    expect(ok((await gql(communities, grace.caller, OPS.deletePost, { id: own.id })).deleteCommunityPost, "post").removedBy).toBe("AUTHOR");
  });

  it("unread counts, notification preference, leaving and archiving", async () => {
    const [ada, grace] = a.contacts as [any, any];
    const groupId = await groupWith(communities, a, [ada, grace], "Unread");
    await postIn(communities, grace.caller, groupId, "one");
    await postIn(communities, grace.caller, groupId, "two");
    await postIn(communities, ada.caller, groupId, "mine");
    const unread = `query($id: ID!) { communityGroup(id: $id) { unreadCount membership { notificationLevel } } }`;
    expect((await gql(communities, ada.caller, unread, { id: groupId })).communityGroup).toEqual({
      unreadCount: 2,
      membership: { notificationLevel: "REPLIES_AND_MENTIONS" },
    });
    const summary = `query($id: ID!) { _entities(representations: [{ __typename: "Contact", id: $id }]) { ... on Contact { communitySummary { hasGroups groupCount unreadCount } } } }`;
    const before = (await gql(communities, ada.caller, summary, { id: ada.id }))._entities[0].communitySummary;
    expect(before.hasGroups).toBe(true);
    expect(before.unreadCount).toBeGreaterThanOrEqual(2);
    await gql(communities, ada.caller, `mutation($id: ID!) { markCommunityGroupVisited(groupId: $id) { __typename } }`, { id: groupId });
    expect((await gql(communities, ada.caller, unread, { id: groupId })).communityGroup.unreadCount).toBe(0);
    const level = await gql(
      communities,
      ada.caller,
      `mutation($id: ID!) { setCommunityNotificationLevel(groupId: $id, level: OFF) { ... on CommunityMembershipSuccess { membership { notificationLevel } } } }`,
      { id: groupId },
    );
    expect(level.setCommunityNotificationLevel.membership.notificationLevel).toBe("OFF");

    const left = await gql(communities, grace.caller, `mutation($id: ID!) { leaveCommunityGroup(groupId: $id) { __typename } }`, {
      id: groupId,
    });
    expect(left.leaveCommunityGroup.__typename).toBe("LeaveCommunityGroupSuccess");
    expect((await gql(communities, grace.caller, unread, { id: groupId })).communityGroup).toBeNull();

    await gql(communities, a.owner.caller, `mutation($id: ID!) { archiveCommunityGroup(id: $id) { __typename } }`, { id: groupId });
    expect((await gql(communities, ada.caller, unread, { id: groupId })).communityGroup).toBeNull();
    const list = await gql(communities, ada.caller, `query { communityGroups { edges { node { id } } } }`);
    expect(list.communityGroups.edges.map((e: any) => e.node.id)).not.toContain(groupId);
    await gql(communities, a.owner.caller, `mutation($id: ID!) { restoreCommunityGroup(id: $id) { __typename } }`, { id: groupId });
    expect((await gql(communities, ada.caller, unread, { id: groupId })).communityGroup).not.toBeNull();
  });

  it("reports go to staff's queue and are resolved", async () => {
    const [ada, grace] = a.contacts as [any, any];
    const groupId = await groupWith(communities, a, [ada, grace], "Reports");
    const post = await postIn(communities, grace.caller, groupId, "spam spam");
    const report = ok(
      (await gql(communities, ada.caller, OPS.report, { input: { postId: post.id, reason: "Spam" } })).reportCommunityPost,
      "report",
    );
    const queue = await gql(
      communities,
      a.owner.caller,
      `query { communityReports(status: OPEN) { edges { node { id reason reporter { name } post { id } } } } }`,
    );
    expect(queue.communityReports.edges.map((e: any) => e.node)).toContainEqual({
      id: report.id,
      reason: "Spam",
      reporter: { name: "Ada Lovelace" },
      post: { id: post.id },
    });
    const resolved = ok(
      (await gql(communities, a.owner.caller, OPS.resolveReport, { input: { reportId: report.id, removePost: true } }))
        .resolveCommunityReport,
      "report",
    );
    expect(resolved).toMatchObject({ status: "RESOLVED", post: { id: post.id, removed: true } });
    await expect(gql(communities, ada.caller, `query { communityReports { totalCount } }`)).rejects.toThrow(/Staff access required/);
  });
});
