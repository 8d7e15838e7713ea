import { type Caller, type EntityManager, NotFoundError, ValidationError } from "@portal/kit";
import { type GroupAccess, canModerate, groupAccess } from "../groups/group-access.js";
import { CommunityStateError } from "../groups/group.errors.js";
import { attachImages } from "../images/image.service.js";
import { announceFeedChange } from "../live/feed-live.js";
import { notifyAboutPost } from "../notifications/notify.js";
import { isUuid } from "../shared/ids.js";
import { Post } from "./post.entity.js";
import { checkBody, checkTitle, MAX_POST_BODY, renderFor } from "./post-body.js";

export interface PostInput {
  title?: string | null;
  body: string;
  imageIds?: string[] | null;
}

/** Writing needs a person (a member contact or a staff member) in a group that is not archived. */
function writer(
  access: GroupAccess | null,
): (GroupAccess & { person: NonNullable<GroupAccess["person"]> }) | NotFoundError | CommunityStateError {
  if (!access?.person) return NotFoundError.of("No such group");
  if (access.group.archivedAt) return CommunityStateError.of("The group is archived");
  return access as GroupAccess & { person: NonNullable<GroupAccess["person"]> };
}

export async function createPost(
  em: EntityManager,
  caller: Caller,
  groupId: string,
  input: PostInput,
): Promise<Post | ValidationError | NotFoundError | CommunityStateError> {
  const title = checkTitle(input.title);
  if (title instanceof ValidationError) return title;
  const body = checkBody(input.body, MAX_POST_BODY);
  if (body instanceof ValidationError) return body;
  return em.transactional(async (tx) => {
    const access = writer(await groupAccess(tx, caller, groupId));
    if (!("group" in access)) return access;
    const { group, person } = access;
    const rendered = await renderFor(tx, group.businessId, group.id, body);
    const post = tx.create(Post, {
      businessId: group.businessId,
      groupId: group.id,
      authorKind: person.kind,
      authorId: person.id,
      title,
      body,
      bodyHtml: rendered.html,
    } as Post);
    await tx.flush();
    const attached = await attachImages(tx, post, person, input.imageIds ?? []);
    if (attached) return attached;
    await announceFeedChange(tx, group, { kind: "POST_CREATED", postId: post.id });
    await notifyAboutPost(tx, group, post, person, rendered.mentioned);
    return post;
  });
}

/** The post as the caller may see it (its group visible to them); a removed post only for its author and staff. */
export async function readablePost(em: EntityManager, caller: Caller, id: string): Promise<{ post: Post; access: GroupAccess } | null> {
  if (!isUuid(id)) return null;
  const post = await em.findOne(Post, { id });
  if (!post) return null;
  const access = await groupAccess(em, caller, post.groupId);
  if (!access) return null;
  if (post.removedAt && !access.staff && !(post.authorKind === access.person?.kind && post.authorId === access.person?.id)) return null;
  return { post, access };
}

const isAuthor = (post: { authorKind: string; authorId: string }, access: GroupAccess) =>
  access.person !== null && post.authorKind === access.person.kind && post.authorId === access.person.id;

export async function updatePost(
  em: EntityManager,
  caller: Caller,
  id: string,
  input: PostInput,
): Promise<Post | ValidationError | NotFoundError | CommunityStateError> {
  const title = checkTitle(input.title);
  if (title instanceof ValidationError) return title;
  const body = checkBody(input.body, MAX_POST_BODY);
  if (body instanceof ValidationError) return body;
  return em.transactional(async (tx) => {
    const found = await readablePost(tx, caller, id);
    if (!found || !isAuthor(found.post, found.access)) return NotFoundError.of("No such post of yours");
    const { post, access } = found;
    if (post.removedAt) return CommunityStateError.of("The post was removed");
    if (access.group.archivedAt) return CommunityStateError.of("The group is archived");
    const rendered = await renderFor(tx, post.businessId, post.groupId, body);
    Object.assign(post, { title, body, bodyHtml: rendered.html, editedAt: new Date() });
    await tx.flush();
    if (input.imageIds) {
      const attached = await attachImages(tx, post, access.person!, input.imageIds);
      if (attached) return attached;
    }
    await announceFeedChange(tx, access.group, { kind: "POST_EDITED", postId: post.id });
    return post;
  });
}

/** The author deletes their own post; staff delete any (the author then sees "removed by a moderator"). */
export async function deletePost(em: EntityManager, caller: Caller, id: string): Promise<Post | NotFoundError | CommunityStateError> {
  return em.transactional(async (tx) => {
    const found = await readablePost(tx, caller, id);
    if (!found) return NotFoundError.of("No such post");
    const { post, access } = found;
    const author = isAuthor(post, access);
    if (!author && !canModerate(caller)) return NotFoundError.of("No such post of yours");
    if (post.removedAt) return CommunityStateError.of("The post was already removed");
    post.removedAt = new Date();
    post.removedBy = author ? "author" : "moderator";
    post.pinnedAt = null;
    await tx.flush();
    await announceFeedChange(tx, access.group, { kind: "POST_REMOVED", postId: post.id });
    return post;
  });
}

/** Staff: pin or unpin (pinned posts lead the feed), close or reopen comments. */
export async function moderatePost(
  em: EntityManager,
  caller: Caller,
  id: string,
  change: { pinned?: boolean; commentsClosed?: boolean },
): Promise<Post | NotFoundError | CommunityStateError> {
  return em.transactional(async (tx) => {
    const found = canModerate(caller) ? await readablePost(tx, caller, id) : null;
    if (!found) return NotFoundError.of("No such post");
    const { post, access } = found;
    if (post.removedAt) return CommunityStateError.of("The post was removed");
    if (change.pinned !== undefined && change.pinned !== (post.pinnedAt !== null)) {
      post.pinnedAt = change.pinned ? new Date() : null;
      await tx.flush();
      await announceFeedChange(tx, access.group, { kind: change.pinned ? "POST_PINNED" : "POST_UNPINNED", postId: post.id });
    }
    if (change.commentsClosed !== undefined && change.commentsClosed !== post.commentsClosed) {
      post.commentsClosed = change.commentsClosed;
      await tx.flush();
      await announceFeedChange(tx, access.group, { kind: change.commentsClosed ? "COMMENTS_CLOSED" : "COMMENTS_OPENED", postId: post.id });
    }
    return post;
  });
}
