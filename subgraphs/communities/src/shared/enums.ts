import { registerEnumType } from "type-graphql";

export enum CommunityReactionKind {
  LIKE = "LIKE",
  LOVE = "LOVE",
  CELEBRATE = "CELEBRATE",
  INSIGHTFUL = "INSIGHTFUL",
  LAUGH = "LAUGH",
}
registerEnumType(CommunityReactionKind, {
  name: "CommunityReactionKind",
  description: "The fixed set of reactions; a member gives each kind at most once per post or comment.",
});

export enum CommunityNotificationLevel {
  ALL = "ALL",
  REPLIES_AND_MENTIONS = "REPLIES_AND_MENTIONS",
  OFF = "OFF",
}
registerEnumType(CommunityNotificationLevel, {
  name: "CommunityNotificationLevel",
  description:
    "Which emails a member gets from a group: ALL (every new post and comment), REPLIES_AND_MENTIONS (the default: replies to their posts and comments, and @mentions), OFF.",
});

export enum CommunityPersonKind {
  CONTACT = "CONTACT",
  STAFF = "STAFF",
}
registerEnumType(CommunityPersonKind, { name: "CommunityPersonKind", description: "A client of the business, or one of its staff." });

export enum CommunityRemovedBy {
  AUTHOR = "AUTHOR",
  MODERATOR = "MODERATOR",
}
registerEnumType(CommunityRemovedBy, {
  name: "CommunityRemovedBy",
  description: "Who deleted a post or comment: its author, or staff moderating the group.",
});

export enum CommunityReportStatus {
  OPEN = "OPEN",
  RESOLVED = "RESOLVED",
}
registerEnumType(CommunityReportStatus, {
  name: "CommunityReportStatus",
  description: "A report waiting for staff, or one staff resolved.",
});

export enum CommunityFeedChangeKind {
  POST_CREATED = "POST_CREATED",
  POST_EDITED = "POST_EDITED",
  POST_REMOVED = "POST_REMOVED",
  POST_PINNED = "POST_PINNED",
  POST_UNPINNED = "POST_UNPINNED",
  COMMENTS_CLOSED = "COMMENTS_CLOSED",
  COMMENTS_OPENED = "COMMENTS_OPENED",
  COMMENT_CREATED = "COMMENT_CREATED",
  COMMENT_EDITED = "COMMENT_EDITED",
  COMMENT_REMOVED = "COMMENT_REMOVED",
  REACTIONS_CHANGED = "REACTIONS_CHANGED",
  GROUP_UPDATED = "GROUP_UPDATED",
}
registerEnumType(CommunityFeedChangeKind, {
  name: "CommunityFeedChangeKind",
  description:
    "What changed in a group's feed. POST_* carry `post`, COMMENT_* carry `comment` (and `post` for its counts), REACTIONS_CHANGED carries the target's new `reactions`.",
});

export type ReactionKindValue = "like" | "love" | "celebrate" | "insightful" | "laugh";
export type NotificationLevelValue = "all" | "replies_and_mentions" | "off";
export type PersonKindValue = "contact" | "staff";
export type RemovedByValue = "author" | "moderator";

export const REACTION_KINDS: readonly ReactionKindValue[] = ["like", "love", "celebrate", "insightful", "laugh"];

/** API enum value → stored value (lower case), and back. */
export const toStored = <T extends string>(value: string): T => value.toLowerCase() as T;
export const toApi = <T extends string>(value: string): T => value.toUpperCase() as T;
