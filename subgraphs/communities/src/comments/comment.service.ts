import { type Caller, type EntityManager, NotFoundError, sql, ValidationError } from "@portal/kit";
import { Post } from "../feed/post.entity.js";
import { checkBody, MAX_COMMENT_BODY, renderFor } from "../feed/post-body.js";
import { readablePost } from "../feed/post.service.js";
import { canModerate, type GroupAccess } from "../groups/group-access.js";
import { CommunityStateError } from "../groups/group.errors.js";
import { announceFeedChange } from "../live/feed-live.js";
import { notifyAboutComment } from "../notifications/notify.js";
import { isUuid } from "../shared/ids.js";
import { Comment } from "./comment.entity.js";

export interface CommentInput {
  postId: string;
  parentId?: string | null;
  body: string;
}

/** Keeps the post's count of visible comments and replies in step, in the change's transaction. */
async function countComments(em: EntityManager, post: Post): Promise<void> {
  const [row] = await sql<{ count: string }>(
    em,
    `select count(*) from communities.comment where business_id = ? and post_id = ? and removed_at is null`,
    [post.businessId, post.id],
  );
  post.commentCount = Number(row!.count);
}

/**
 * A comment on a post, or a reply to a top-level comment: a reply to a reply joins the same thread
 * (one level). Closed comments, removed posts and archived groups take none.
 */
export async function createComment(
  em: EntityManager,
  caller: Caller,
  input: CommentInput,
): Promise<Comment | ValidationError | NotFoundError | CommunityStateError> {
  const body = checkBody(input.body, MAX_COMMENT_BODY);
  if (body instanceof ValidationError) return body;
  return em.transactional(async (tx) => {
    const found = await readablePost(tx, caller, input.postId);
    if (!found?.access.person) return NotFoundError.of("No such post");
    const { post, access } = found;
    const person = found.access.person;
    if (post.removedAt) return CommunityStateError.of("The post was removed");
    if (access.group.archivedAt) return CommunityStateError.of("The group is archived");
    if (post.commentsClosed) return CommunityStateError.of("Comments are closed on this post");
    // Lock the post: comment counts and concurrent comments stay consistent.
    await sql(tx, `select 1 from communities.post where id = ? for update`, [post.id]);
    let parent: Comment | null = null;
    if (input.parentId) {
      parent = isUuid(input.parentId) ? await tx.findOne(Comment, { id: input.parentId, postId: post.id }) : null;
      if (!parent) return ValidationError.of("parentId", "No such comment on this post");
      if (parent.parentId) parent = await tx.findOneOrFail(Comment, { id: parent.parentId });
    }
    const rendered = await renderFor(tx, post.businessId, post.groupId, body);
    const comment = tx.create(Comment, {
      businessId: post.businessId,
      groupId: post.groupId,
      postId: post.id,
      parentId: parent?.id ?? null,
      authorKind: person.kind,
      authorId: person.id,
      body,
      bodyHtml: rendered.html,
    } as Comment);
    await tx.flush();
    await countComments(tx, post);
    await tx.flush();
    await announceFeedChange(tx, access.group, { kind: "COMMENT_CREATED", postId: post.id, commentId: comment.id });
    await notifyAboutComment(tx, access.group, post, comment, parent, person, rendered.mentioned);
    return comment;
  });
}

async function readableComment(
  em: EntityManager,
  caller: Caller,
  id: string,
): Promise<{ comment: Comment; post: Post; access: GroupAccess } | null> {
  if (!isUuid(id)) return null;
  const comment = await em.findOne(Comment, { id });
  if (!comment) return null;
  const found = await readablePost(em, caller, comment.postId);
  return found ? { comment, post: found.post, access: found.access } : null;
}

const isAuthor = (comment: Comment, access: GroupAccess) =>
  access.person !== null && comment.authorKind === access.person.kind && comment.authorId === access.person.id;

export async function updateComment(
  em: EntityManager,
  caller: Caller,
  id: string,
  bodyInput: string,
): Promise<Comment | ValidationError | NotFoundError | CommunityStateError> {
  const body = checkBody(bodyInput, MAX_COMMENT_BODY);
  if (body instanceof ValidationError) return body;
  return em.transactional(async (tx) => {
    const found = await readableComment(tx, caller, id);
    if (!found || !isAuthor(found.comment, found.access)) return NotFoundError.of("No such comment of yours");
    const { comment, post, access } = found;
    if (comment.removedAt || post.removedAt) return CommunityStateError.of("The comment was removed");
    if (access.group.archivedAt) return CommunityStateError.of("The group is archived");
    const rendered = await renderFor(tx, post.businessId, post.groupId, body);
    Object.assign(comment, { body, bodyHtml: rendered.html, editedAt: new Date() });
    await tx.flush();
    await announceFeedChange(tx, access.group, { kind: "COMMENT_EDITED", postId: post.id, commentId: comment.id });
    return comment;
  });
}

/** The author deletes their own comment; staff any ("removed by a moderator"). Replies stay under the placeholder. */
export async function deleteComment(em: EntityManager, caller: Caller, id: string): Promise<Comment | NotFoundError | CommunityStateError> {
  return em.transactional(async (tx) => {
    const found = await readableComment(tx, caller, id);
    if (!found) return NotFoundError.of("No such comment");
    const { comment, post, access } = found;
    const author = isAuthor(comment, access);
    if (!author && !canModerate(caller)) return NotFoundError.of("No such comment of yours");
    if (comment.removedAt) return CommunityStateError.of("The comment was already removed");
    await sql(tx, `select 1 from communities.post where id = ? for update`, [post.id]);
    comment.removedAt = new Date();
    comment.removedBy = author ? "author" : "moderator";
    await tx.flush();
    await countComments(tx, post);
    await tx.flush();
    await announceFeedChange(tx, access.group, { kind: "COMMENT_REMOVED", postId: post.id, commentId: comment.id });
    return comment;
  });
}
