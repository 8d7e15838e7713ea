import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, groupWith, newTenant, OPS, ok, postIn, startCommunities, type Tenant } from "./helpers.js";

describe("reactions", () => {
  let communities: RunningSubgraphProcess;
  let a: Tenant;
  beforeAll(async () => {
    communities = await startCommunities();
    a = await newTenant(communities, 52);
  });
  afterAll(async () => {
    await communities?.stop();
  });

  it("50 concurrent reactions by different members count exactly 50; the same member twice counts once", async () => {
    const members = a.contacts.slice(0, 50);
    const groupId = await groupWith(communities, a, a.contacts, "Busy");
    const post = await postIn(communities, a.contacts[51]!.caller, groupId, "React to me");

    const results = await Promise.all(
      members.map((member) => gql(communities, member.caller, OPS.react, { input: { targetId: post.id, kind: "LIKE" } })),
    );
    for (const result of results) expect(result.addCommunityReaction.__typename).toBe("CommunityReactionSuccess");
    const twice = await Promise.all(
      [0, 1, 2, 3].map(() => gql(communities, members[0]!.caller, OPS.react, { input: { targetId: post.id, kind: "LIKE" } })),
    );
    for (const result of twice) expect(ok(result.addCommunityReaction, "viewerKinds")).toEqual(["LIKE"]);

    const read = await gql(
      communities,
      a.owner.caller,
      `query($id: ID!) { communityPost(id: $id) { reactions { kind count } reactors(first: 100) { totalCount } } }`,
      {
        id: post.id,
      },
    );
    expect(read.communityPost.reactions).toEqual([{ kind: "LIKE", count: 50 }]);
    expect(read.communityPost.reactors.totalCount).toBe(50);

    // Another kind by the same member counts on its own; taking it back leaves the other.
    await gql(communities, members[0]!.caller, OPS.react, { input: { targetId: post.id, kind: "INSIGHTFUL" } });
    const back = await gql(communities, members[0]!.caller, OPS.unreact, { input: { targetId: post.id, kind: "LIKE" } });
    expect(ok(back.removeCommunityReaction, "reactions")).toEqual([
      { kind: "LIKE", count: 49 },
      { kind: "INSIGHTFUL", count: 1 },
    ]);
    expect(ok(back.removeCommunityReaction, "viewerKinds")).toEqual(["INSIGHTFUL"]);
    const who = await gql(
      communities,
      a.contacts[51]!.caller,
      `query($id: ID!) { communityPost(id: $id) { reactors(kind: INSIGHTFUL) { edges { node { kind person { id name } } } } } }`,
      { id: post.id },
    );
    expect(who.communityPost.reactors.edges).toEqual([
      { node: { kind: "INSIGHTFUL", person: { id: members[0]!.id, name: members[0]!.name } } },
    ]);
  });
});
