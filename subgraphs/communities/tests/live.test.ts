import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiKeyIn,
  countStatements,
  gql,
  groupWith,
  listen,
  newTenant,
  OPS,
  ok,
  postIn,
  settle,
  startCommunities,
  type Tenant,
  until,
} from "./helpers.js";

describe("communityFeedChanged subscription", () => {
  let communities: RunningSubgraphProcess;
  let second: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    // Two instances of the subgraph on one database: a change made on one reaches subscribers of both.
    [communities, second] = await Promise.all([startCommunities(), startCommunities()]);
    [a, b] = await Promise.all([newTenant(communities), newTenant(communities)]);
  });
  afterAll(async () => {
    await Promise.all([communities?.stop(), second?.stop()]);
  });

  it("delivers posts, comments, reactions, edits and removals to members and staff, across instances", async () => {
    const [ada, grace] = a.contacts as [any, any];
    const groupId = await groupWith(communities, a, [ada, grace], "Live");
    const member = listen(second, grace.caller, groupId);
    const staff = listen(communities, a.owner.caller, groupId);
    const readKey = listen(second, apiKeyIn(a.businessId, ["read"]), groupId);
    await settle();

    const post = await postIn(communities, ada.caller, groupId, "Hello *live*", "Live post");
    await until(() => member.received.length >= 1 && staff.received.length >= 1 && readKey.received.length >= 1);
    expect(member.received[0]).toMatchObject({
      kind: "POST_CREATED",
      groupId,
      postId: post.id,
      post: { id: post.id, title: "Live post", html: "<p>Hello <em>live</em></p>", author: { name: "Ada Lovelace" } },
    });
    expect(staff.received[0]).toEqual(member.received[0]);

    const comment = ok(
      (await gql(communities, grace.caller, OPS.comment, { input: { postId: post.id, body: "hi" } })).createCommunityComment,
      "comment",
    );
    await gql(communities, grace.caller, OPS.react, { input: { targetId: post.id, kind: "CELEBRATE" } });
    await gql(communities, ada.caller, OPS.updatePost, { id: post.id, input: { title: "Live post", body: "Edited" } });
    await gql(communities, a.owner.caller, OPS.deleteComment, { id: comment.id });
    await until(() => member.received.length >= 5);
    expect(member.received.map((event) => event.kind)).toEqual([
      "POST_CREATED",
      "COMMENT_CREATED",
      "REACTIONS_CHANGED",
      "POST_EDITED",
      "COMMENT_REMOVED",
    ]);
    expect(member.received[1]).toMatchObject({
      commentId: comment.id,
      comment: { id: comment.id, html: "<p>hi</p>" },
      post: { commentCount: 1 },
    });
    expect(member.received[2]).toMatchObject({ postId: post.id, reactions: [{ kind: "CELEBRATE", count: 1 }] });
    expect(member.received[4]).toMatchObject({ comment: { id: comment.id, html: null }, post: { commentCount: 0 } });
    for (const listener of [member, staff, readKey]) listener.close();
    expect(member.errors).toEqual([]);
  });

  it("refuses non-members, other businesses and anonymous callers", async () => {
    const [ada, , alan] = a.contacts as [any, any, any];
    const groupId = await groupWith(communities, a, [ada], "Closed");
    const outsider = listen(communities, alan.caller, groupId);
    const otherStaff = listen(communities, b.owner.caller, groupId);
    const sameIdElsewhere = listen(communities, { ...b.contacts[0]!.caller, actor: { kind: "contact", id: ada.id } }, groupId);
    await until(() => outsider.errors.length > 0 && otherStaff.errors.length > 0 && sameIdElsewhere.errors.length > 0, "refusals");
    expect(JSON.stringify(outsider.errors)).toContain("Only members of this group and the business's staff can follow its feed");
    expect(JSON.stringify(outsider.errors)).toContain("FORBIDDEN");
    await postIn(communities, ada.caller, groupId, "secret");
    await settle();
    for (const listener of [outsider, otherStaff, sameIdElsewhere]) {
      expect(listener.received).toEqual([]);
      listener.close();
    }
  });

  it("removing a member (or archiving the group) ends their feed subscription at once", async () => {
    const [ada, grace] = a.contacts as [any, any];
    const groupId = await groupWith(communities, a, [ada, grace], "Removal");
    const removed = listen(second, grace.caller, groupId);
    const staying = listen(communities, ada.caller, groupId);
    const staff = listen(communities, a.owner.caller, groupId);
    await settle();
    const result = await gql(communities, a.owner.caller, OPS.removeMember, { groupId, contactId: grace.id });
    expect(result.removeCommunityMember.__typename).toBe("RemoveCommunityMemberSuccess");
    await until(() => removed.completed, "the removed member's subscription to end");
    await postIn(communities, ada.caller, groupId, "after removal");
    await until(() => staying.received.length >= 1 && staff.received.length >= 1);
    expect(removed.received).toEqual([]);
    expect(staying.completed).toBe(false);

    await gql(communities, a.owner.caller, `mutation($id: ID!) { archiveCommunityGroup(id: $id) { __typename } }`, { id: groupId });
    await until(() => staying.completed, "the member's subscription to end on archiving");
    await settle(200);
    expect(staff.completed).toBe(false);
    for (const listener of [removed, staying, staff]) listener.close();
  });

  it("reads a change once for all its subscribers, whatever their number", async () => {
    const [ada, grace, alan, edsger] = a.contacts as [any, any, any, any];
    const groupId = await groupWith(communities, a, [ada, grace, alan, edsger], "Shared");
    const postAndWait = async (listeners: ReturnType<typeof listen>[], body: string) =>
      countStatements(communities, a.businessId, async () => {
        await postIn(communities, ada.caller, groupId, body);
        await until(() => listeners.every((listener) => listener.received.some((event) => event.post?.html === `<p>${body}</p>`)));
        await settle(200);
      });
    const one = [listen(communities, grace.caller, groupId)];
    await settle();
    const withOne = await postAndWait(one, "first");
    const many = [
      ...one,
      listen(communities, alan.caller, groupId),
      listen(communities, edsger.caller, groupId),
      listen(communities, a.owner.caller, groupId),
    ];
    await settle();
    const withMany = await postAndWait(many, "second");
    expect(withMany).toBe(withOne);
    for (const listener of many) listener.close();
  });
});
