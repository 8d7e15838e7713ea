import {
  type Caller,
  callSubgraph,
  dataOf,
  newTestTenant,
  type RunningSubgraphProcess,
  runSubgraph,
  socketParams,
  type TestPerson,
  type TestTenant,
  testRuntime,
} from "@portal/kit";
import { createClient } from "graphql-ws";
import { inject } from "vitest";
import WebSocket from "ws";
import { createCommunitiesSubgraph } from "../src/index.js";

export const databaseUrl = () => inject("databaseUrl" as never) as string;

export function startCommunities(): Promise<RunningSubgraphProcess> {
  return runSubgraph(createCommunitiesSubgraph({ production: false }), testRuntime(databaseUrl()));
}

export { anonymousIn, apiKeyIn, contactIn, fileRequest, staffIn } from "@portal/kit";
export type Person = TestPerson;
export type Tenant = TestTenant;

/** A business as communities knows it from identity's events: its portal URL, an owner and contacts. */
export const newTenant = (communities: RunningSubgraphProcess, contactCount = 4, dnd: (index: number) => boolean = () => false) =>
  newTestTenant(communities, { contactCount, fallbackName: "Member", dnd });

/** Throws with the GraphQL errors so a failing test shows what went wrong. */
export const gql = dataOf;

export const raw = (communities: RunningSubgraphProcess, caller: Caller, query: string, variables: Record<string, unknown> = {}) =>
  callSubgraph(communities.url, caller, query, variables);

const RESULT = `__typename ... on UserError { message } ... on ValidationError { field }`;
const SIMPLE = `__typename ... on UserError { message }`;
export const POST_FIELDS = `id groupId title body html pinned commentsClosed edited removed removedBy commentCount createdAt
  author { id kind name initials } images { id url name contentType width height } reactions { kind count }`;
export const COMMENT_FIELDS = `id postId parentId body html edited removed removedBy author { id name } reactions { kind count }`;

export const OPS = {
  createGroup: `mutation($input: CommunityGroupInput!) { createCommunityGroup(input: $input) { ${RESULT} ... on CommunityGroupSuccess { group { id name archived } } } }`,
  addMembers: `mutation($groupId: ID!, $contactIds: [ID!]!, $invite: Boolean) { addCommunityMembers(groupId: $groupId, contactIds: $contactIds, inviteToPortal: $invite) { ${RESULT} ... on CommunityMembersSuccess { added { contactId person { name } } } } }`,
  removeMember: `mutation($groupId: ID!, $contactId: ID!) { removeCommunityMember(groupId: $groupId, contactId: $contactId) { ${SIMPLE} } }`,
  createPost: `mutation($input: CreateCommunityPostInput!) { createCommunityPost(input: $input) { ${RESULT} ... on CommunityPostSuccess { post { ${POST_FIELDS} } } } }`,
  updatePost: `mutation($id: ID!, $input: UpdateCommunityPostInput!) { updateCommunityPost(id: $id, input: $input) { ${RESULT} ... on CommunityPostSuccess { post { ${POST_FIELDS} } } } }`,
  deletePost: `mutation($id: ID!) { deleteCommunityPost(id: $id) { ${RESULT} ... on CommunityPostSuccess { post { id removed removedBy } } } }`,
  pin: `mutation($id: ID!, $pinned: Boolean!) { pinCommunityPost(id: $id, pinned: $pinned) { ${RESULT} ... on CommunityPostSuccess { post { id pinned } } } }`,
  closeComments: `mutation($id: ID!, $closed: Boolean!) { setCommunityPostCommentsClosed(id: $id, closed: $closed) { ${RESULT} } }`,
  comment: `mutation($input: CreateCommunityCommentInput!) { createCommunityComment(input: $input) { ${RESULT} ... on CommunityCommentSuccess { comment { ${COMMENT_FIELDS} } } } }`,
  updateComment: `mutation($id: ID!, $body: String!) { updateCommunityComment(id: $id, body: $body) { ${RESULT} ... on CommunityCommentSuccess { comment { ${COMMENT_FIELDS} } } } }`,
  deleteComment: `mutation($id: ID!) { deleteCommunityComment(id: $id) { ${RESULT} ... on CommunityCommentSuccess { comment { id removed removedBy } } } }`,
  react: `mutation($input: CommunityReactionInput!) { addCommunityReaction(input: $input) { ${SIMPLE} ... on CommunityReactionSuccess { targetId reactions { kind count } viewerKinds } } }`,
  unreact: `mutation($input: CommunityReactionInput!) { removeCommunityReaction(input: $input) { ${SIMPLE} ... on CommunityReactionSuccess { targetId reactions { kind count } viewerKinds } } }`,
  report: `mutation($input: ReportCommunityPostInput!) { reportCommunityPost(input: $input) { ${RESULT} ... on CommunityReportSuccess { report { id status } } } }`,
  resolveReport: `mutation($input: ResolveCommunityReportInput!) { resolveCommunityReport(input: $input) { ${RESULT} ... on CommunityReportSuccess { report { id status post { id removed } } } } }`,
  feed: `query($id: ID!, $first: Int, $after: String, $search: String) { communityGroup(id: $id) { id feed(first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } viewerReactions { targetId kinds }
    edges { cursor node { ${POST_FIELDS} comments(first: 20) { totalCount edges { node { ${COMMENT_FIELDS} replies { ${COMMENT_FIELDS} } } } } } } } } }`,
};

/** The success's payload, or a thrown error naming the failure. */
export function ok<T = any>(result: any, key: string): T {
  if (!String(result.__typename).endsWith("Success")) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result[key] as T;
}

/** A group of `tenant` with the given contacts as members. */
export async function groupWith(communities: RunningSubgraphProcess, tenant: Tenant, members: Person[], name = "Makers"): Promise<string> {
  const created = await gql(communities, tenant.owner.caller, OPS.createGroup, { input: { name } });
  const groupId = ok(created.createCommunityGroup, "group").id as string;
  if (members.length) {
    const added = await gql(communities, tenant.owner.caller, OPS.addMembers, {
      groupId,
      contactIds: members.map((m) => m.id),
      invite: false,
    });
    ok(added.addCommunityMembers, "added");
  }
  return groupId;
}

export async function postIn(
  communities: RunningSubgraphProcess,
  caller: Caller,
  groupId: string,
  body: string,
  title: string | null = null,
) {
  const result = await gql(communities, caller, OPS.createPost, { input: { groupId, title, body } });
  return ok(result.createCommunityPost, "post");
}

export const FEED_SUBSCRIPTION = `subscription($groupId: ID!) { communityFeedChanged(groupId: $groupId) {
  kind groupId postId commentId post { id title html removed removedBy commentCount author { name } } comment { id html parentId author { name } } reactions { kind count } } }`;

/** Subscribes as `caller` to a group's feed and collects what arrives, errors, and whether it completed. */
export function listen(communities: RunningSubgraphProcess, caller: Caller, groupId: string) {
  const client = createClient({
    url: communities.url.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams: socketParams(caller),
    lazy: false,
  });
  const state = { received: [] as any[], errors: [] as unknown[], completed: false };
  client.subscribe(
    { query: FEED_SUBSCRIPTION, variables: { groupId } },
    {
      next: (value) => (value.errors ? state.errors.push(value.errors) : state.received.push(value.data!.communityFeedChanged)),
      error: (error) => state.errors.push(error),
      complete: () => {
        state.completed = true;
      },
    },
  );
  return Object.assign(state, { close: () => client.dispose() });
}

export const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(check: () => boolean, what = "live updates", timeoutMs = 8000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await settle(50);
  }
}

/** The smallest valid images of each kind, built by hand (header bytes are what the server checks). */
export function tinyPng(): Buffer {
  return Buffer.from(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );
}
export function tinyJpeg(): Buffer {
  // SOI, a JFIF APP0, SOF0 (1x1, 1 component), EOI: enough for the frame header check.
  return Buffer.from("ffd8ffe000104a46494600010100000100010000ffc0000b080001000101011100ffd9", "hex");
}
export function tinyWebp(): Buffer {
  const vp8l = Buffer.from("2f000000100088881000", "hex"); // VP8L signature + 1x1 size bits
  const chunk = Buffer.concat([Buffer.from("VP8L"), Buffer.from([vp8l.length, 0, 0, 0]), vp8l]);
  const body = Buffer.concat([Buffer.from("WEBP"), chunk]);
  return Buffer.concat([Buffer.from("RIFF"), Buffer.from([body.length & 0xff, (body.length >> 8) & 0xff, 0, 0]), body]);
}

export { countStatements } from "@portal/kit";
