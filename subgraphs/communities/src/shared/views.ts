import { CommentView } from "../comments/comment.types.js";
import type { Comment } from "../comments/comment.entity.js";
import type { CommunityGroupRow } from "../groups/group.entity.js";
import { CommunityMembership, GroupView } from "../groups/group.types.js";
import type { GroupMember } from "../members/member.entity.js";
import type { Post } from "../feed/post.entity.js";
import { PostView } from "../feed/post.types.js";
import type { CommunityNotificationLevel, CommunityRemovedBy } from "./enums.js";

export function groupView(group: CommunityGroupRow): GroupView {
  return Object.assign(new GroupView(), {
    id: group.id,
    businessId: group.businessId,
    name: group.name,
    description: group.description,
    coverImageUrl: group.coverImageId ? `/files/communities/groups/${group.id}/cover/${group.coverImageId}` : null,
    private: group.private,
    archived: group.archivedAt !== null,
    archivedAt: group.archivedAt,
    createdAt: group.createdAt,
    updatedAt: group.updatedAt,
  });
}

/** A removed post keeps its place and author, never its content. */
export function postView(post: Post): PostView {
  const removed = post.removedAt !== null;
  return Object.assign(new PostView(), {
    id: post.id,
    businessId: post.businessId,
    authorKind: post.authorKind,
    authorId: post.authorId,
    groupId: post.groupId,
    title: removed ? null : post.title,
    body: removed ? null : post.body,
    html: removed ? null : post.bodyHtml,
    pinned: post.pinnedAt !== null,
    pinnedAt: post.pinnedAt,
    commentsClosed: post.commentsClosed,
    edited: post.editedAt !== null,
    editedAt: post.editedAt,
    removed,
    removedBy: post.removedBy ? (post.removedBy.toUpperCase() as CommunityRemovedBy) : null,
    commentCount: post.commentCount,
    createdAt: post.createdAt,
  });
}

export function commentView(comment: Comment): CommentView {
  const removed = comment.removedAt !== null;
  return Object.assign(new CommentView(), {
    id: comment.id,
    businessId: comment.businessId,
    authorKind: comment.authorKind,
    authorId: comment.authorId,
    postId: comment.postId,
    groupId: comment.groupId,
    parentId: comment.parentId,
    body: removed ? null : comment.body,
    html: removed ? null : comment.bodyHtml,
    edited: comment.editedAt !== null,
    editedAt: comment.editedAt,
    removed,
    removedBy: comment.removedBy ? (comment.removedBy.toUpperCase() as CommunityRemovedBy) : null,
    createdAt: comment.createdAt,
  });
}

export function membershipView(member: GroupMember): CommunityMembership {
  return Object.assign(new CommunityMembership(), {
    groupId: member.groupId,
    notificationLevel: member.notificationLevel.toUpperCase() as CommunityNotificationLevel,
    lastVisitedAt: member.lastVisitedAt,
    joinedAt: member.joinedAt,
  });
}
