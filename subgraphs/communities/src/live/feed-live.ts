import { announce, type EntityManager, type LiveMessage } from "@portal/kit";

/** A change in a group's feed: ids only; the live resolver reads the change once for every subscriber. */
export const FEED_TOPIC = "communities.feed";
/** A contact's membership ended (removed, left) or the group was archived: their subscriptions end. */
export const MEMBERSHIP_TOPIC = "communities.membership";

export type FeedChangeKind =
  | "POST_CREATED"
  | "POST_EDITED"
  | "POST_REMOVED"
  | "POST_PINNED"
  | "POST_UNPINNED"
  | "COMMENTS_CLOSED"
  | "COMMENTS_OPENED"
  | "COMMENT_CREATED"
  | "COMMENT_EDITED"
  | "COMMENT_REMOVED"
  | "REACTIONS_CHANGED"
  | "GROUP_UPDATED";

export interface FeedChangedMessage {
  groupId: string;
  kind: FeedChangeKind;
  postId: string | null;
  commentId: string | null;
  /** REACTIONS_CHANGED: the post or comment. */
  targetId: string | null;
}

export interface MembershipEndedMessage {
  groupId: string;
  /** Null when the whole group was archived (every member's subscription ends). */
  contactId: string | null;
}

export async function announceFeedChange(
  em: EntityManager,
  group: { id: string; businessId: string },
  change: { kind: FeedChangeKind; postId?: string | null; commentId?: string | null; targetId?: string | null },
): Promise<void> {
  const data: FeedChangedMessage = {
    groupId: group.id,
    kind: change.kind,
    postId: change.postId ?? null,
    commentId: change.commentId ?? null,
    targetId: change.targetId ?? null,
  };
  await announce(em, { topic: FEED_TOPIC, businessId: group.businessId, data: data as unknown as Record<string, unknown> });
}

export async function announceMembershipEnded(em: EntityManager, businessId: string, groupId: string, contactId: string): Promise<void> {
  const data: MembershipEndedMessage = { groupId, contactId };
  await announce(em, { topic: MEMBERSHIP_TOPIC, businessId, data: data as unknown as Record<string, unknown> });
}

export async function announceGroupArchived(em: EntityManager, group: { id: string; businessId: string }): Promise<void> {
  const data: MembershipEndedMessage = { groupId: group.id, contactId: null };
  await announce(em, { topic: MEMBERSHIP_TOPIC, businessId: group.businessId, data: data as unknown as Record<string, unknown> });
}

export const isFeedMessage = (message: LiveMessage, businessId: string, groupId: string): boolean =>
  message.topic === FEED_TOPIC && message.businessId === businessId && (message.data as unknown as FeedChangedMessage).groupId === groupId;

/** Whether `message` ends a contact's subscription to the group's feed. */
export function endsMembership(message: LiveMessage, businessId: string, groupId: string, contactId: string): boolean {
  if (message.topic !== MEMBERSHIP_TOPIC || message.businessId !== businessId) return false;
  const data = message.data as unknown as MembershipEndedMessage;
  return data.groupId === groupId && (data.contactId === null || data.contactId === contactId);
}
