import { Multiline, NotFoundError, PageInfo, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { CommunityStateError } from "../groups/group.types.js";
import { CommunityReactionKind, CommunityRemovedBy } from "../shared/enums.js";

@ObjectType("CommunityImage", { description: "An image of a post (PNG, JPEG or WebP, checked by its bytes)." })
export class CommunityImageView {
  @Field(() => ID, { description: "Image id." })
  id!: string;
  @Field(() => String, { description: "Path through the gateway: `/files/communities/images/<id>`." })
  url!: string;
  @Field(() => String, { description: "The uploaded file's name, as plain text (for alt text: escape it like any text)." })
  name!: string;
  @Field(() => String, { description: "image/png, image/jpeg or image/webp." })
  contentType!: string;
  @Field(() => Int, { description: "Width in pixels." })
  width!: number;
  @Field(() => Int, { description: "Height in pixels." })
  height!: number;
  @Field(() => Int, { description: "Size in bytes." })
  size!: number;
}

@ObjectType({ description: "How many people gave one kind of reaction." })
export class CommunityReactionCount {
  @Field(() => CommunityReactionKind, { description: "The reaction." })
  kind!: CommunityReactionKind;
  @Field(() => Int, { description: "How many gave it (at least 1: kinds nobody gave are left out)." })
  count!: number;
}

@ObjectType({ description: "The caller's own reactions to one post or comment (kept by the client; never part of live updates)." })
export class CommunityViewerReaction {
  @Field(() => ID, { description: "The post or comment." })
  targetId!: string;
  @Field(() => [CommunityReactionKind], { description: "The kinds the caller gave." })
  kinds!: CommunityReactionKind[];
}

/**
 * A post as every reader sees it: no field here depends on who asks, so one answer serves every
 * live subscriber of the group (the caller's own reactions are `CommunityPostConnection.viewerReactions`).
 */
@Directive(`@key(fields: "id")`)
@ObjectType("CommunityPost", {
  description:
    "A post in a group's feed. Its fields are the same for every reader; the caller's own reactions come with the feed (`viewerReactions`).",
})
export class PostView {
  @Field(() => ID, { description: "Post id." })
  id!: string;
  businessId!: string;
  authorKind!: string;
  authorId!: string;
  /** Not exposed: the batched reads a live change shares between its subscribers. */
  readers?: object;
  @Field(() => ID, { description: "The group it was posted in." })
  groupId!: string;
  @Field(() => String, { nullable: true, description: "Title (optional, plain text; null once removed)." })
  title!: string | null;
  @Field(() => String, { nullable: true, description: "The body as written, in Markdown (null once removed)." })
  body!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The body rendered to sanitised HTML (no scripts, styles, event attributes or javascript: URLs; @mentions are `<a class="mention" data-person-id=…>`). Null once removed.',
  })
  html!: string | null;
  @Field(() => Boolean, { description: "Pinned by staff: shown above the other posts." })
  pinned!: boolean;
  @Field(() => Date, { nullable: true, description: "When it was pinned." })
  pinnedAt!: Date | null;
  @Field(() => Boolean, { description: "Staff closed comments: no new comments or replies." })
  commentsClosed!: boolean;
  @Field(() => Boolean, { description: "The author edited it after posting." })
  edited!: boolean;
  @Field(() => Date, { nullable: true, description: "When it was last edited." })
  editedAt!: Date | null;
  @Field(() => Boolean, { description: "Deleted: its title, body and images are gone." })
  removed!: boolean;
  @Field(() => CommunityRemovedBy, {
    nullable: true,
    description: 'Who deleted it; MODERATOR: the author sees "removed by a moderator".',
  })
  removedBy!: CommunityRemovedBy | null;
  @Field(() => Int, { description: "Comments and replies that are not removed." })
  commentCount!: number;
  @Field(() => Date, { description: "When it was posted (the feed's order, newest first)." })
  createdAt!: Date;
}

@ObjectType({ description: "An edge in a CommunityPost connection." })
export class CommunityPostEdge {
  @Field(() => String, { description: "Opaque cursor for this item." })
  cursor!: string;
  @Field(() => PostView, { description: "The item." })
  node!: PostView;
}

@ObjectType({ description: "A page of a group's feed: pinned posts first, then newest first." })
export class CommunityPostConnection {
  @Field(() => [CommunityPostEdge], { description: "Items of this page with their cursors." })
  edges!: CommunityPostEdge[];
  @Field(() => PageInfo, { description: "Where this page sits in the list." })
  pageInfo!: PageInfo;
  @Field(() => Int, { description: "Number of items matching the filter, across all pages." })
  totalCount!: number;
  /** Not exposed: the page's post ids, for viewerReactions. */
  postIds!: string[];
  @Field(() => [CommunityViewerReaction], {
    description: "The caller's own reactions to this page's posts and to their comments and replies (targets without any are left out).",
  })
  viewerReactions!: CommunityViewerReaction[];
}

@InputType({ description: "A new post." })
export class CreateCommunityPostInput {
  @Field(() => ID, { description: "The group to post in (the caller must be a member, or staff)." })
  groupId!: string;
  @Field(() => String, { nullable: true, description: "Title, at most 200 characters (optional)." })
  title?: string | null;
  @Field(() => String, { description: "Body in Markdown, 1–20000 characters; `@Name` mentions a member." })
  @Multiline()
  body!: string;
  @Field(() => [ID], {
    nullable: true,
    description: "Images uploaded to the group (POST /files/communities/groups/<groupId>/images), at most 4, in this order.",
  })
  imageIds?: string[] | null;
}

@InputType({ description: "The author's edit of a post (every field is replaced)." })
export class UpdateCommunityPostInput {
  @Field(() => String, { nullable: true, description: "Title, at most 200 characters (optional)." })
  title?: string | null;
  @Field(() => String, { description: "Body in Markdown, 1–20000 characters." })
  @Multiline()
  body!: string;
  @Field(() => [ID], { nullable: true, description: "The post's images after the edit, at most 4; null keeps them." })
  imageIds?: string[] | null;
}

@ObjectType({ description: "The post after the change." })
export class CommunityPostSuccess {
  @Field(() => PostView, { description: "The post." })
  post!: PostView;
}

export const CommunityPostResult = createUnionType({
  name: "CommunityPostResult",
  description: "Outcome of a change to a post.",
  types: () => [CommunityPostSuccess, ValidationError, NotFoundError, CommunityStateError] as const,
});
