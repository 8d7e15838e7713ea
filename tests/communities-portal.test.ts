import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { confirm, createBusiness, createContact, type TestBusiness, tokenOf } from "./support/journeys.js";
import { type Platform, startPlatform } from "./support/platform.js";

const databaseUrl = () => inject("databaseUrl" as never) as string;

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A 1x1 PNG. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);
const loopback = new Agent({
  connect: {
    lookup: (_host: string, _options: unknown, callback: (...args: unknown[]) => void) =>
      callback(null, [{ address: "127.0.0.1", family: 4 }]),
  } as never,
});

const MAIL = `query($to: String) { devMailbox(first: 20, to: $to) { edges { node { subject text } } } }`;
const FEED = `subscription($g: ID!) { communityFeedChanged(groupId: $g) { kind postId post { id html author { name } } } }`;

/**
 * The communities section through the gateway, as people use it: staff add a contact to a group
 * (identity invites them, the invitation opening the group), the member follows the feed live, a
 * mention reaches them by email (a DND member's is suppressed), the dashboard counts what is unread,
 * and removal ends their live feed at once.
 */
describe("communities through the gateway", () => {
  let platform: Platform;
  let business: TestBusiness;
  beforeAll(async () => {
    platform = await startPlatform(databaseUrl());
    business = await createBusiness(platform, "Community Studio");
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("invites, notifies, counts unread, delivers live and ends a removed member's feed", async () => {
    const { staff } = business;
    const adaEmail = `ada@${business.slug}.test`;
    const graceEmail = `grace@${business.slug}.test`;
    const ada = await createContact(staff, { name: "Ada Lovelace", email: adaEmail });
    const grace = await createContact(staff, { name: "Grace Hopper", email: graceEmail, dnd: true });
    const group = await staff.data(
      `mutation { createCommunityGroup(input: { name: "Makers" }) { ... on CommunityGroupSuccess { group { id } } } }`,
    );
    const groupId = group.createCommunityGroup.group.id as string;

    // Staff add Ada (invited to the portal: she has no access yet) and Grace (not invited).
    const since = Date.now() - 1000;
    await until(
      () =>
        staff.data(`mutation($g: ID!, $c: [ID!]!) { addCommunityMembers(groupId: $g, contactIds: $c) { __typename } }`, {
          g: groupId,
          c: [ada],
        }),
      (data) => data.addCommunityMembers.__typename === "CommunityMembersSuccess",
      "communities to know Ada",
    );
    await until(
      () =>
        staff.data(
          `mutation($g: ID!, $c: [ID!]!) { addCommunityMembers(groupId: $g, contactIds: $c, inviteToPortal: false) { __typename } }`,
          {
            g: groupId,
            c: [grace],
          },
        ),
      (data) => data.addCommunityMembers.__typename === "CommunityMembersSuccess",
      "communities to know Grace",
    );
    const invitation = await until(
      async () => (await staff.data(MAIL, { to: adaEmail })).devMailbox.edges.map((edge: any) => edge.node.text as string),
      (texts: string[]) => texts.some((text) => /token=/.test(text)),
      "Ada's invitation",
    );
    const link = invitation.map((text: string) => text.match(/https?:\/\/\S+token=[A-Za-z0-9_-]+(?:&next=[^\s&]+)?/)?.[0]).find(Boolean)!;
    expect(decodeURIComponent(new URL(link).searchParams.get("next") ?? "")).toBe(`/communities/${groupId}`);
    expect(Date.now()).toBeGreaterThan(since);
    const client = platform.client(business.host);
    expect((await confirm(client, tokenOf(link))).confirmSignIn.__typename).toBe("SignInSuccess");
    // Grace was not invited.
    expect((await staff.data(MAIL, { to: graceEmail })).devMailbox.edges).toEqual([]);

    // Ada follows the feed live through the gateway; a contact who is not a member is refused.
    const socket = client.subscriptions();
    const received: any[] = [];
    let completed = false;
    socket.subscribe(
      { query: FEED, variables: { g: groupId } },
      { next: (value) => received.push(value.data?.communityFeedChanged), error: () => undefined, complete: () => (completed = true) },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));

    const posted = await staff.data(
      `mutation($g: ID!) { createCommunityPost(input: { groupId: $g, title: "Welcome", body: "Hi @Ada and @Grace Hopper!" }) { ... on CommunityPostSuccess { post { id } } } }`,
      { g: groupId },
    );
    const postId = posted.createCommunityPost.post.id;
    await until(
      async () => received,
      (events) => events.some((event) => event?.postId === postId),
      "the post to arrive live",
    );
    expect(received.find((event) => event.postId === postId)).toMatchObject({
      kind: "POST_CREATED",
      post: { author: { name: "Owner Person" } },
    });

    // The mention reaches Ada by email; Grace's (DND) is logged as suppressed.
    const mention = await until(
      async () => (await staff.data(MAIL, { to: adaEmail })).devMailbox.edges.map((edge: any) => edge.node),
      (messages) => messages.some((message: any) => /mentioned you in Makers/.test(message.subject)),
      "the mention email",
    );
    expect(mention.find((message: any) => /mentioned you/.test(message.subject)).text).toContain(`/communities/${groupId}/posts/${postId}`);
    const log = await until(
      async () =>
        (
          await staff.data(`query($s: String) { emailLog(first: 20, search: $s) { edges { node { template status } } } }`, {
            s: graceEmail,
          })
        ).emailLog.edges.map((edge: any) => edge.node),
      (rows) => rows.some((row: any) => row.template === "COMMUNITY_MENTION"),
      "Grace's email log",
    );
    expect(log).toContainEqual({ template: "COMMUNITY_MENTION", status: "SUPPRESSED" });

    // Ada uploads an image through the gateway's file relay and posts it; members download it.
    const uploaded = await undiciFetch(`${client.origin}/files/communities/groups/${groupId}/images`, {
      method: "POST",
      dispatcher: loopback,
      headers: {
        "content-type": "image/png",
        "x-file-name": "dot.png",
        cookie: [...client.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      },
      body: PNG,
    });
    expect(uploaded.status).toBe(200);
    const image = (await uploaded.json()) as { id: string; url: string };
    const withImage = await client.data(
      `mutation($g: ID!, $i: [ID!]) { createCommunityPost(input: { groupId: $g, body: "A picture", imageIds: $i }) { ... on CommunityPostSuccess { post { images { url } } } } }`,
      { g: groupId, i: [image.id] },
    );
    expect(withImage.createCommunityPost.post.images).toEqual([{ url: image.url }]);
    const downloaded = await staff.download(image.url);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get("content-type")).toBe("image/png");
    expect(downloaded.bytes.equals(PNG)).toBe(true);

    // The dashboard card's numbers, through the viewer.
    const dashboard = await client.data(`query { viewer { contact { communitySummary { hasGroups groupCount unreadCount } } } }`);
    expect(dashboard.viewer.contact.communitySummary).toEqual({ hasGroups: true, groupCount: 1, unreadCount: 1 });

    // Removing Ada ends her live feed at once.
    await staff.data(`mutation($g: ID!, $c: ID!) { removeCommunityMember(groupId: $g, contactId: $c) { __typename } }`, {
      g: groupId,
      c: ada,
    });
    await until(
      async () => completed,
      (done) => done,
      "Ada's feed subscription to end",
    );
    const after = await client.data(`query($g: ID!) { communityGroup(id: $g) { id } }`, { g: groupId });
    expect(after.communityGroup).toBeNull();
    await socket.dispose();

    // A contact who is not a member cannot subscribe.
    const refused = await new Promise<unknown>((resolve) => {
      const again = client.subscriptions();
      again.subscribe(
        { query: FEED, variables: { g: groupId } },
        { next: (value) => resolve(value.errors ?? value), error: (error) => resolve(error), complete: () => undefined },
      );
    });
    expect(JSON.stringify(refused)).toContain("Only members of this group");
  }, 120_000);
});
