import { ConnectionType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, ObjectType } from "type-graphql";
import { CommunityStateError } from "../groups/group.types.js";
import { CommunityRemovedBy } from "../shared/enums.js";

@ObjectType("CommunityComment", {
  description:
    "A comment on a post, or a reply to one (one level). A removed comment stays as a placeholder (body null) so its replies keep their place. The same for every reader.",
})
export class CommentView {
  @Field(() => ID, { description: "Comment id." })
  id!: string;
  businessId!: string;
  authorKind!: string;
  authorId!: string;
  /** Not exposed: the batched reads a live change shares between its subscribers. */
  readers?: object;
  @Field(() => ID, { description: "The post." })
  postId!: string;
  @Field(() => ID, { description: "The group." })
  groupId!: string;
  @Field(() => ID, { nullable: true, description: "The comment this replies to; null for a top-level comment." })
  parentId!: string | null;
  @Field(() => String, { nullable: true, description: "The body as written, in Markdown (null once removed)." })
  body!: string | null;
  @Field(() => String, { nullable: true, description: "The body rendered to sanitised HTML (null once removed)." })
  html!: string | null;
  @Field(() => Boolean, { description: "The author edited it." })
  edited!: boolean;
  @Field(() => Date, { nullable: true, description: "When it was last edited." })
  editedAt!: Date | null;
  @Field(() => Boolean, { description: "Deleted: shown as a placeholder." })
  removed!: boolean;
  @Field(() => CommunityRemovedBy, { nullable: true, description: 'Who deleted it ("removed by a moderator" when MODERATOR).' })
  removedBy!: CommunityRemovedBy | null;
  @Field(() => Date, { description: "When it was written." })
  createdAt!: Date;
}

export const CommunityCommentConnection = ConnectionType(CommentView, "CommunityComment");

@InputType({ description: "A new comment, or a reply to a top-level comment." })
export class CreateCommunityCommentInput {
  @Field(() => ID, { description: "The post." })
  postId!: string;
  @Field(() => ID, { nullable: true, description: "The top-level comment to reply to (replies to replies answer the same thread)." })
  parentId?: string | null;
  @Field(() => String, { description: "Body in Markdown, 1–5000 characters; `@Name` mentions a member." })
  @Multiline()
  body!: string;
}

@ObjectType({ description: "The comment after the change." })
export class CommunityCommentSuccess {
  @Field(() => CommentView, { description: "The comment." })
  comment!: CommentView;
}

export const CommunityCommentResult = createUnionType({
  name: "CommunityCommentResult",
  description: "Outcome of a change to a comment.",
  types: () => [CommunityCommentSuccess, ValidationError, NotFoundError, CommunityStateError] as const,
});
