import { Field, ID, ObjectType } from "type-graphql";
import { CommentView } from "../comments/comment.types.js";
import { CommunityReactionCount, PostView } from "../feed/post.types.js";
import { CommunityFeedChangeKind } from "../shared/enums.js";

/**
 * One change in a group's feed. Every field is the same for every subscriber of the group (members
 * and staff alike), so the answer is computed once per change and shared; the caller's own reactions
 * are not here (the client keeps its own).
 */
@ObjectType({ description: "A change in a group's feed, the same for every subscriber of the group." })
export class CommunityFeedEvent {
  @Field(() => CommunityFeedChangeKind, { description: "What happened." })
  kind!: CommunityFeedChangeKind;
  @Field(() => ID, { description: "The group." })
  groupId!: string;
  @Field(() => ID, { nullable: true, description: "The post concerned (every kind but GROUP_UPDATED)." })
  postId!: string | null;
  @Field(() => ID, { nullable: true, description: "The comment concerned (COMMENT_*, and REACTIONS_CHANGED on a comment)." })
  commentId!: string | null;
  @Field(() => PostView, {
    nullable: true,
    description: "The post after the change (its comment count too for COMMENT_*); removed posts come with removed: true and no content.",
  })
  post!: PostView | null;
  @Field(() => CommentView, { nullable: true, description: "The comment after the change, for COMMENT_*." })
  comment!: CommentView | null;
  @Field(() => [CommunityReactionCount], {
    nullable: true,
    description: "For REACTIONS_CHANGED: the target's counts per kind after the change.",
  })
  reactions!: CommunityReactionCount[] | null;
}
