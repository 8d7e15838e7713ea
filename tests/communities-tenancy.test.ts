import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBusiness, createContact, type TestBusiness } from "./support/journeys.js";
import { type Platform, startPlatform } from "./support/platform.js";

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Through the gateway, another business's staff reach nothing of a business's communities. */
describe("communities across businesses, through the gateway", () => {
  let platform: Platform;
  let a: TestBusiness;
  let b: TestBusiness;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
    a = await createBusiness(platform, "Studio A");
    b = await createBusiness(platform, "Studio B");
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("finds no group, post, member list, image or feed of another business", async () => {
    const created = await a.staff.data(
      `mutation { createCommunityGroup(input: { name: "A only" }) { ... on CommunityGroupSuccess { group { id } } } }`,
    );
    const groupId = created.createCommunityGroup.group.id;
    const contact = await createContact(a.staff, { name: "Ada Lovelace", email: `ada@${a.slug}.test` });
    await until(
      () =>
        a.staff.data(
          `mutation($g: ID!, $c: [ID!]!) { addCommunityMembers(groupId: $g, contactIds: $c, inviteToPortal: false) { __typename } }`,
          {
            g: groupId,
            c: [contact],
          },
        ),
      (data) => data.addCommunityMembers.__typename === "CommunityMembersSuccess",
      "communities to know the contact",
    );
    const post = await a.staff.data(
      `mutation($g: ID!) { createCommunityPost(input: { groupId: $g, body: "secret" }) { ... on CommunityPostSuccess { post { id } } } }`,
      { g: groupId },
    );
    const postId = post.createCommunityPost.post.id;

    const seen = await b.staff.data(
      `query($g: ID!, $p: ID!) { communityGroup(id: $g) { id } communityPost(id: $p) { id } communityGroups(includeArchived: true) { totalCount } communityReports { totalCount } }`,
      { g: groupId, p: postId },
    );
    expect(seen).toEqual({
      communityGroup: null,
      communityPost: null,
      communityGroups: { totalCount: 0 },
      communityReports: { totalCount: 0 },
    });
    const writes = await b.staff.data(
      `mutation($g: ID!, $p: ID!, $c: ID!) {
        post: createCommunityPost(input: { groupId: $g, body: "x" }) { __typename }
        comment: createCommunityComment(input: { postId: $p, body: "x" }) { __typename }
        react: addCommunityReaction(input: { targetId: $p, kind: LIKE }) { __typename }
        pin: pinCommunityPost(id: $p, pinned: true) { __typename }
        remove: deleteCommunityPost(id: $p) { __typename }
        member: removeCommunityMember(groupId: $g, contactId: $c) { __typename }
        archive: archiveCommunityGroup(id: $g) { __typename }
      }`,
      { g: groupId, p: postId, c: contact },
    );
    expect(Object.values(writes).map((outcome: any) => outcome.__typename)).toEqual(Array(7).fill("NotFoundError"));
    expect((await b.staff.download(`/files/communities/groups/${groupId}/cover`)).status).toBe(404);

    const refused = await new Promise<unknown>((resolve) => {
      b.staff
        .subscriptions()
        .subscribe(
          { query: `subscription($g: ID!) { communityFeedChanged(groupId: $g) { kind } }`, variables: { g: groupId } },
          { next: (value) => resolve(value.errors ?? value), error: (error) => resolve(error), complete: () => undefined },
        );
    });
    expect(JSON.stringify(refused)).toContain("FORBIDDEN");

    // A is untouched.
    const still = await a.staff.data(
      `query($g: ID!) { communityGroup(id: $g) { archived memberCount feed { edges { node { body pinned reactions { count } } } } } }`,
      {
        g: groupId,
      },
    );
    expect(still.communityGroup).toEqual({
      archived: false,
      memberCount: 1,
      feed: { edges: [{ node: { body: "secret", pinned: false, reactions: [] } }] },
    });
  }, 90_000);
});
