import { communities } from "@portal/contracts";
import { type EntityManager, KnownBusiness, KnownContact, publish } from "@portal/kit";
import type { Comment } from "../comments/comment.entity.js";
import type { Post } from "../feed/post.entity.js";
import { excerptOf, type Mentionable } from "../feed/markdown.js";
import type { CommunityGroupRow } from "../groups/group.entity.js";
import { GroupMember } from "../members/member.entity.js";
import type { Person } from "../shared/access.js";
import { loadPeople, personKey } from "../shared/people.js";

type Kind = "REPLY" | "MENTION" | "ACTIVITY";

/** The link a notification opens: the post in the group's feed, on the business's configured portal. */
export const postPath = (groupId: string, postId: string) => `/communities/${groupId}/posts/${postId}`;

/**
 * Decides who hears about a new post or comment, by each member's preference for the group: OFF
 * nothing; REPLIES_AND_MENTIONS (the default) replies to their own post or comment and @mentions; ALL
 * those and every new post and comment. The author never hears of their own writing; each person gets
 * at most one email per post or comment (reply before mention before activity). Only members
 * (contacts) are emailed; DND is applied by automation, as for every email.
 */
async function notify(
  em: EntityManager,
  group: CommunityGroupRow,
  post: Post,
  comment: Comment | null,
  author: Person,
  wanted: Map<string, Kind>,
): Promise<void> {
  // Only the members who may hear of it: those replied to or mentioned, and those who want every
  // activity. A group of 10,000 is not loaded whole into the unit of work for one post.
  const members = await em.find(
    GroupMember,
    { groupId: group.id, $or: [{ contactId: { $in: [...wanted.keys()] } }, { notificationLevel: "all" }] },
    { fields: ["contactId", "notificationLevel"], disableIdentityMap: true },
  );
  const levels = new Map(members.map((member) => [member.contactId, member.notificationLevel]));
  const chosen = new Map<string, Kind>();
  for (const [contactId, kind] of wanted) {
    const level = levels.get(contactId);
    if (level && level !== "off") chosen.set(contactId, kind);
  }
  for (const member of members)
    if (member.notificationLevel === "all" && !chosen.has(member.contactId)) chosen.set(member.contactId, "ACTIVITY");
  if (author.kind === "contact") chosen.delete(author.id);
  if (chosen.size === 0) return;
  const business = await em.findOne(KnownBusiness, { businessId: group.businessId });
  if (!business) return; // identity's snapshot has not arrived: no link can be built from configuration yet
  const contacts = await em.find(KnownContact, { contactId: { $in: [...chosen.keys()] } });
  const actor = (await loadPeople(em, [personKey(author.kind, author.id)])).get(personKey(author.kind, author.id))!;
  const link = `${business.portalUrl.replace(/\/$/, "")}${postPath(group.id, post.id)}${comment ? `#comment-${comment.id}` : ""}`;
  for (const contact of contacts) {
    await publish(em, communities.notificationRequested, group.businessId, {
      kind: chosen.get(contact.contactId)!,
      groupId: group.id,
      groupName: group.name,
      postId: post.id,
      commentId: comment?.id ?? null,
      postTitle: post.title,
      actorName: actor.name,
      excerpt: excerptOf(comment?.body ?? post.body),
      contactId: contact.contactId,
      recipient: { email: contact.email, name: contact.name, firstName: contact.firstName, dnd: contact.dnd },
      link,
      reference: comment ? `community_comment:${comment.id}` : `community_post:${post.id}`,
    });
  }
}

const mentionedContacts = (mentioned: Mentionable[]) =>
  new Map<string, Kind>(mentioned.filter((person) => person.kind === "contact").map((person) => [person.id, "MENTION"]));

export async function notifyAboutPost(em: EntityManager, group: CommunityGroupRow, post: Post, author: Person, mentioned: Mentionable[]) {
  await notify(em, group, post, null, author, mentionedContacts(mentioned));
}

/** A top-level comment replies to the post's author; a reply to the thread's comment's author. */
export async function notifyAboutComment(
  em: EntityManager,
  group: CommunityGroupRow,
  post: Post,
  comment: Comment,
  parent: Comment | null,
  author: Person,
  mentioned: Mentionable[],
) {
  const wanted = mentionedContacts(mentioned);
  const repliedTo = parent ?? post;
  if (repliedTo.authorKind === "contact") wanted.set(repliedTo.authorId, "REPLY");
  await notify(em, group, post, comment, author, wanted);
}
