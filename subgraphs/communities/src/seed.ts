/**
 * The demo's community, made the way the business and its client make it: through communities' own
 * GraphQL API, with calls signed as the owner and as the client. A group with the client as a member,
 * a pinned welcome post, a post by the client, comments, a reply and reactions.
 */

/** One way of calling communities as one person (the platform script signs each call as the gateway would). */
export interface DemoCommunityCaller {
  data<D>(query: string, variables?: Record<string, unknown>): Promise<D>;
}

export interface DemoCommunityInput {
  staff: DemoCommunityCaller;
  client: DemoCommunityCaller;
  business: { name: string };
  owner: { id: string; name: string };
  contact: { id: string; name: string };
  /** How long to wait for communities to learn the contact from identity's events. */
  timeoutMs?: number;
  /** Called once before the first change, when there is something to add. */
  beforeChanges?: () => Promise<void>;
}

export const DEMO_GROUP_NAME = "Members' lounge";

interface Outcome {
  __typename: string;
  message?: string;
  group?: { id: string };
  post?: { id: string };
  comment?: { id: string };
}

const RESULT = `__typename ... on UserError { message }`;

function expectSuccess(outcome: Outcome, what: string): Outcome {
  if (!outcome.__typename.endsWith("Success")) throw new Error(`Demo community: ${what} failed: ${outcome.message ?? outcome.__typename}`);
  return outcome;
}

/**
 * Creates the demo group and its conversation unless a group of that name exists already, so a
 * second run adds nothing. Returns how many groups were created (0 or 1).
 */
export async function seedDemoCommunity(input: DemoCommunityInput): Promise<number> {
  const { staff, client } = input;
  const listed = await staff.data<{ communityGroups: { edges: { node: { id: string; name: string } }[] } }>(
    `query { communityGroups(first: 100, includeArchived: true) { edges { node { id name } } } }`,
  );
  if (listed.communityGroups.edges.some((edge) => edge.node.name === DEMO_GROUP_NAME)) return 0;
  await input.beforeChanges?.();

  const created = await staff.data<{ createCommunityGroup: Outcome }>(
    `mutation($input: CommunityGroupInput!) { createCommunityGroup(input: $input) { ${RESULT} ... on CommunityGroupSuccess { group { id } } } }`,
    {
      input: {
        name: DEMO_GROUP_NAME,
        description: `A place for ${input.business.name}'s clients to share progress, ask questions and swap ideas.`,
      },
    },
  );
  const groupId = expectSuccess(created.createCommunityGroup, "creating the group").group!.id;

  // Communities learns of the contact from identity's events: retry until it knows them.
  const deadline = Date.now() + (input.timeoutMs ?? 60_000);
  for (;;) {
    const added = await staff.data<{ addCommunityMembers: Outcome }>(
      `mutation($groupId: ID!, $contactIds: [ID!]!) { addCommunityMembers(groupId: $groupId, contactIds: $contactIds, inviteToPortal: false) { ${RESULT} } }`,
      { groupId, contactIds: [input.contact.id] },
    );
    if (added.addCommunityMembers.__typename === "CommunityMembersSuccess") break;
    if (Date.now() > deadline) expectSuccess(added.addCommunityMembers, "adding the client");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const post = async (who: DemoCommunityCaller, title: string | null, body: string) =>
    expectSuccess(
      (
        await who.data<{ createCommunityPost: Outcome }>(
          `mutation($input: CreateCommunityPostInput!) { createCommunityPost(input: $input) { ${RESULT} ... on CommunityPostSuccess { post { id } } } }`,
          { input: { groupId, title, body } },
        )
      ).createCommunityPost,
      "posting",
    ).post!.id;
  const comment = async (who: DemoCommunityCaller, postId: string, body: string, parentId: string | null = null) =>
    expectSuccess(
      (
        await who.data<{ createCommunityComment: Outcome }>(
          `mutation($input: CreateCommunityCommentInput!) { createCommunityComment(input: $input) { ${RESULT} ... on CommunityCommentSuccess { comment { id } } } }`,
          { input: { postId, parentId, body } },
        )
      ).createCommunityComment,
      "commenting",
    ).comment!.id;
  const react = async (who: DemoCommunityCaller, targetId: string, kind: string) =>
    expectSuccess(
      (
        await who.data<{ addCommunityReaction: Outcome }>(
          `mutation($input: CommunityReactionInput!) { addCommunityReaction(input: $input) { ${RESULT} } }`,
          { input: { targetId, kind } },
        )
      ).addCommunityReaction,
      "reacting",
    );

  const firstName = input.contact.name.split(/\s+/)[0] ?? input.contact.name;
  const welcome = await post(
    staff,
    "Welcome to the lounge 👋",
    `Hi everyone, and welcome! This is a **private** space for ${input.business.name}'s clients.\n\n- Introduce yourself below\n- Share what you are working on\n- Ask anything: no question is too small\n\nPlease keep it kind and helpful.`,
  );
  await staff.data(`mutation($id: ID!) { pinCommunityPost(id: $id, pinned: true) { ${RESULT} } }`, { id: welcome });
  const intro = await comment(client, welcome, `Thanks for setting this up! I'm ${firstName}, happy to be here.`);
  await comment(staff, welcome, `Great to have you, @${firstName}!`, intro);
  await react(client, welcome, "LOVE");
  await react(staff, intro, "CELEBRATE");

  const question = await post(
    client,
    "Tips for the quarterly review?",
    "Our quarterly review is coming up. What do you all prepare beforehand? I usually bring:\n\n1. Last quarter's numbers\n2. A short list of open questions\n\nAnything I'm missing?",
  );
  await comment(staff, question, "A one-page summary of decisions you need from us helps a lot. We'll send a template this week.");
  await react(staff, question, "INSIGHTFUL");
  await react(staff, question, "LIKE");
  return 1;
}
