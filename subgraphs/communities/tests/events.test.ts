import { communities as contracts } from "@portal/contracts";
import { deliverEvent, forkFor, type RunningSubgraphProcess, sql } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, groupWith, newTenant, OPS, ok, postIn, settle, startCommunities, type Tenant } from "./helpers.js";

interface OutboxRow {
  type: string;
  payload: any;
}

describe("communities events", () => {
  let communities: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    communities = await startCommunities();
    [a, b] = await Promise.all([newTenant(communities, 4, (index) => index === 2), newTenant(communities)]);
  });
  afterAll(async () => {
    await communities?.stop();
  });

  const outbox = (tenant: Tenant, type: string) =>
    sql<OutboxRow>(
      forkFor(communities.orm, tenant.businessId),
      `select type, payload from communities.outbox_event where business_id = ? and type = ? order by created_at, id`,
      [tenant.businessId, type],
    );

  it("announces added members (with the invite-to-portal choice) in payloads that match the contract", async () => {
    const [ada, grace] = a.contacts as [any, any];
    const created = await gql(communities, a.owner.caller, OPS.createGroup, { input: { name: "Events" } });
    const groupId = ok(created.createCommunityGroup, "group").id;
    ok((await gql(communities, a.owner.caller, OPS.addMembers, { groupId, contactIds: [ada.id] })).addCommunityMembers, "added");
    ok(
      (await gql(communities, a.owner.caller, OPS.addMembers, { groupId, contactIds: [grace.id, ada.id], invite: false }))
        .addCommunityMembers,
      "added",
    );
    const rows = (await outbox(a, contracts.memberAdded.name)).filter((row) => row.payload.groupId === groupId);
    expect(rows.map((row) => [row.payload.contactId, row.payload.inviteToPortal])).toEqual([
      [ada.id, true],
      [grace.id, false],
    ]);
    for (const row of rows) expect(contracts.memberAdded.payload.safeParse(row.payload).success).toBe(true);
    expect(rows[0]!.payload).toMatchObject({ groupName: "Events", portalPath: `/communities/${groupId}` });
  });

  it("emails replies and mentions by each member's preference (never the author, at most once per person)", async () => {
    const [ada, grace, alan, edsger] = a.contacts as [any, any, any, any];
    const groupId = await groupWith(communities, a, [ada, grace, alan, edsger], "Notify");
    await gql(communities, edsger.caller, `mutation($id: ID!) { setCommunityNotificationLevel(groupId: $id, level: ALL) { __typename } }`, {
      id: groupId,
    });
    await gql(communities, grace.caller, `mutation($id: ID!) { setCommunityNotificationLevel(groupId: $id, level: OFF) { __typename } }`, {
      id: groupId,
    });

    const post = await postIn(communities, ada.caller, groupId, "Who has tips? cc @Alan Turing", "Tips");
    // Grace (OFF) replies mentioning Ada: Ada hears the reply once (reply wins over mention).
    const comment = ok(
      (await gql(communities, grace.caller, OPS.comment, { input: { postId: post.id, body: "Me! @Ada Lovelace, see below" } }))
        .createCommunityComment,
      "comment",
    );
    // Ada replies to Grace, who chose OFF: nothing for Grace; Edsger (ALL) hears of it as activity.
    await gql(communities, ada.caller, OPS.comment, { input: { postId: post.id, parentId: comment.id, body: "Thanks @Grace" } });

    const rows = (await outbox(a, contracts.notificationRequested.name)).filter((row) => row.payload.groupId === groupId);
    const sent = rows.map((row) => [row.payload.kind, row.payload.contactId, row.payload.commentId === null ? "post" : "comment"]);
    expect(sent).toEqual(
      expect.arrayContaining([
        ["MENTION", alan.id, "post"],
        ["ACTIVITY", edsger.id, "post"],
        ["REPLY", ada.id, "comment"],
        ["ACTIVITY", edsger.id, "comment"],
      ]),
    );
    expect(sent).toHaveLength(5);
    expect(sent.filter(([, contactId]) => contactId === grace.id)).toEqual([]);
    for (const row of rows) expect(contracts.notificationRequested.payload.safeParse(row.payload).success).toBe(true);
    const mention = rows.find((row) => row.payload.kind === "MENTION")!.payload;
    expect(mention).toMatchObject({
      groupName: "Notify",
      postTitle: "Tips",
      actorName: "Ada Lovelace",
      excerpt: "Who has tips? cc @Alan Turing",
      recipient: { email: alan.email, name: "Alan Turing", firstName: "Alan", dnd: true },
      link: `${a.portalUrl}/communities/${groupId}/posts/${post.id}`,
      reference: `community_post:${post.id}`,
    });
  });

  it("adds a contact to a group on a workflow's request, within the event's business only", async () => {
    const [, , , edsger] = a.contacts as [any, any, any, any];
    const groupId = await groupWith(communities, a, [], "Purchased");
    const otherGroup = await groupWith(communities, b, [], "B's");
    await deliverEvent(communities.boss, contracts.memberAddRequested, a.businessId, {
      groupId,
      contactId: edsger.id,
      source: "workflow:test",
    });
    // Another business's group, and another business's contact: nothing happens.
    await deliverEvent(communities.boss, contracts.memberAddRequested, a.businessId, { groupId: otherGroup, contactId: edsger.id });
    await deliverEvent(communities.boss, contracts.memberAddRequested, b.businessId, { groupId: otherGroup, contactId: edsger.id });
    const members = (tenant: Tenant, id: string) =>
      gql(communities, tenant.owner.caller, `query($id: ID!) { communityGroup(id: $id) { members { edges { node { contactId } } } } }`, {
        id,
      });
    let added: string[] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && added.length === 0) {
      added = (await members(a, groupId)).communityGroup.members.edges.map((edge: any) => edge.node.contactId);
      await settle(100);
    }
    expect(added).toEqual([edsger.id]);
    await settle(500);
    expect((await members(b, otherGroup)).communityGroup.members.edges).toEqual([]);
    const announced = (await outbox(a, contracts.memberAdded.name)).filter((row) => row.payload.groupId === groupId);
    expect(announced.map((row) => row.payload.inviteToPortal)).toEqual([true]);
  });
});
