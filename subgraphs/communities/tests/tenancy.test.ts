import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileRequest, gql, groupWith, newTenant, OPS, ok, postIn, raw, startCommunities, type Tenant, tinyPng } from "./helpers.js";

/**
 * Two businesses: nothing of one (group, member, post, comment, reaction, image, report) can be read
 * or changed from the other, by id or through `_entities`; and inside one business, a contact who is
 * not a member is treated exactly like a stranger.
 */
describe("communities across businesses and groups", () => {
  let communities: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let theirs: { groupId: string; postId: string; commentId: string; imageId: string; reportId: string };

  beforeAll(async () => {
    communities = await startCommunities();
    [a, b] = await Promise.all([newTenant(communities), newTenant(communities)]);
    const [ada, grace] = a.contacts as [any, any];
    const groupId = await groupWith(communities, a, [ada, grace], "A's group");
    const upload = await fileRequest(communities, ada.caller, `groups/${groupId}/images`, {
      method: "POST",
      body: tinyPng(),
      headers: { "content-type": "image/png", "x-file-name": "a.png" },
    });
    const imageId = ((await upload.json()) as { id: string }).id;
    const post = ok(
      (await gql(communities, ada.caller, OPS.createPost, { input: { groupId, body: "A only", imageIds: [imageId] } })).createCommunityPost,
      "post",
    );
    const comment = ok(
      (await gql(communities, grace.caller, OPS.comment, { input: { postId: post.id, body: "A comment" } })).createCommunityComment,
      "comment",
    );
    await gql(communities, grace.caller, OPS.react, { input: { targetId: post.id, kind: "LIKE" } });
    const report = ok(
      (await gql(communities, grace.caller, OPS.report, { input: { postId: post.id, reason: "test" } })).reportCommunityPost,
      "report",
    );
    theirs = { groupId, postId: post.id, commentId: comment.id, imageId, reportId: report.id };
  });
  afterAll(async () => {
    await communities?.stop();
  });

  const strangers = () => {
    const [, , alan] = a.contacts as [any, any, any];
    return {
      "B's owner": b.owner.caller,
      "B's contact": b.contacts[0]!.caller,
      "B's contact with A's member's id": { ...b.contacts[0]!.caller, actor: { kind: "contact" as const, id: a.contacts[0]!.id } },
      "A's contact who is not a member": alan.caller,
    };
  };

  it("reads: groups, posts, feeds, members and entities are invisible", async () => {
    for (const [who, caller] of Object.entries(strangers())) {
      const read = await gql(
        communities,
        caller,
        `query($g: ID!, $p: ID!) { communityGroup(id: $g) { id } communityPost(id: $p) { id } communityViewerReactions(targetIds: [$p]) { targetId } }`,
        { g: theirs.groupId, p: theirs.postId },
      );
      expect(read, who).toEqual({ communityGroup: null, communityPost: null, communityViewerReactions: [] });
      const entities = await gql(
        communities,
        caller,
        `query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on CommunityGroup { id name } ... on CommunityPost { id body } ... on Contact { id } } }`,
        {
          reps: [
            { __typename: "CommunityGroup", id: theirs.groupId },
            { __typename: "CommunityPost", id: theirs.postId },
            { __typename: "Contact", id: a.contacts[1]!.id },
          ],
        },
      );
      expect(entities._entities, who).toEqual([null, null, null]);
      for (const path of [`images/${theirs.imageId}`, `groups/${theirs.groupId}/cover`]) {
        expect((await fileRequest(communities, caller, path)).status, `${who} GET ${path}`).toBe(404);
      }
    }
    const staffList = await gql(
      communities,
      b.owner.caller,
      `query { communityGroups(includeArchived: true) { totalCount edges { node { id } } } communityReports { totalCount } }`,
    );
    expect(staffList.communityGroups.edges.map((e: any) => e.node.id)).not.toContain(theirs.groupId);
    expect(staffList.communityReports.totalCount).toBe(0);
  });

  it("writes: every mutation given another business's or group's ids finds nothing and changes nothing", async () => {
    const { groupId, postId, commentId, imageId, reportId } = theirs;
    for (const [who, caller] of Object.entries(strangers())) {
      const attempts: [string, string, Record<string, unknown>][] = [
        ["createCommunityPost", OPS.createPost, { input: { groupId, body: "intrusion" } }],
        ["updateCommunityPost", OPS.updatePost, { id: postId, input: { body: "intrusion" } }],
        ["deleteCommunityPost", OPS.deletePost, { id: postId }],
        ["createCommunityComment", OPS.comment, { input: { postId, body: "intrusion" } }],
        ["updateCommunityComment", OPS.updateComment, { id: commentId, body: "intrusion" }],
        ["deleteCommunityComment", OPS.deleteComment, { id: commentId }],
        ["addCommunityReaction", OPS.react, { input: { targetId: postId, kind: "LAUGH" } }],
        ["addCommunityReaction", OPS.react, { input: { targetId: commentId, kind: "LAUGH" } }],
        ["removeCommunityReaction", OPS.unreact, { input: { targetId: postId, kind: "LIKE" } }],
        ["reportCommunityPost", OPS.report, { input: { postId, reason: "x" } }],
      ];
      for (const [name, query, variables] of attempts) {
        const response = await raw(communities, caller, query, variables);
        const outcome = (response.data as Record<string, { __typename: string }> | null)?.[name];
        expect(outcome?.__typename ?? "refused", `${who}: ${name}`).toMatch(/NotFoundError|refused/);
      }
      // Staff-only mutations: B's owner is staff, but of another business.
      const staffAttempts: [string, string, Record<string, unknown>][] = [
        ["pinCommunityPost", OPS.pin, { id: postId, pinned: true }],
        ["setCommunityPostCommentsClosed", OPS.closeComments, { id: postId, closed: true }],
        ["addCommunityMembers", OPS.addMembers, { groupId, contactIds: [b.contacts[0]!.id] }],
        ["removeCommunityMember", OPS.removeMember, { groupId, contactId: a.contacts[0]!.id }],
        ["resolveCommunityReport", OPS.resolveReport, { input: { reportId, removePost: true } }],
        ["archiveCommunityGroup", `mutation($id: ID!) { archiveCommunityGroup(id: $id) { __typename } }`, { id: groupId }],
        [
          "updateCommunityGroup",
          `mutation($id: ID!) { updateCommunityGroup(id: $id, input: { name: "x" }) { __typename } }`,
          { id: groupId },
        ],
      ];
      for (const [name, query, variables] of staffAttempts) {
        const response = await raw(communities, caller, query, variables);
        const outcome = (response.data as Record<string, { __typename: string }> | null)?.[name];
        expect(outcome?.__typename ?? "refused", `${who}: ${name}`).toMatch(/NotFoundError|refused/);
      }
      // Uploads into another business's group, and posts claiming its images.
      const upload = await fileRequest(communities, caller, `groups/${groupId}/images`, {
        method: "POST",
        body: tinyPng(),
        headers: { "content-type": "image/png" },
      });
      expect(upload.status, `${who}: upload`).toBe(404);
    }
    // B's staff cannot make A's contacts members of B's group, nor post A's image in B's group.
    const bGroup = await groupWith(communities, b, [], "B's group");
    const added = await gql(communities, b.owner.caller, OPS.addMembers, { groupId: bGroup, contactIds: [a.contacts[0]!.id] });
    expect(added.addCommunityMembers).toMatchObject({ __typename: "ValidationError", field: "contactIds.0" });
    const claimed = await gql(communities, b.owner.caller, OPS.createPost, {
      input: { groupId: bGroup, body: "mine now", imageIds: [imageId] },
    });
    expect(claimed.createCommunityPost).toMatchObject({ __typename: "ValidationError", field: "imageIds.0" });

    // Nothing changed in A.
    const [ada] = a.contacts as [any];
    const feed = await gql(communities, ada.caller, OPS.feed, { id: groupId });
    const post = feed.communityGroup.feed.edges[0].node;
    expect(post).toMatchObject({
      id: postId,
      body: "A only",
      pinned: false,
      commentsClosed: false,
      removed: false,
      reactions: [{ kind: "LIKE", count: 1 }],
    });
    expect(post.comments.edges.map((e: any) => e.node.body)).toEqual(["A comment"]);
    expect(feed.communityGroup.feed.totalCount).toBe(1);
    const members = await gql(communities, a.owner.caller, `query($id: ID!) { communityGroup(id: $id) { memberCount archived name } }`, {
      id: groupId,
    });
    expect(members.communityGroup).toEqual({ memberCount: 2, archived: false, name: "A's group" });
  });
});
