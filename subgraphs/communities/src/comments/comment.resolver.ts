import { MultilineArgs, requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { asResult } from "../shared/outcomes.js";
import { commentView } from "../shared/views.js";
import type { Comment } from "./comment.entity.js";
import { createComment, deleteComment, updateComment } from "./comment.service.js";
import { CommentView, CommunityCommentResult, CommunityCommentSuccess, CreateCommunityCommentInput } from "./comment.types.js";

const success = (comment: Comment) => Object.assign(new CommunityCommentSuccess(), { comment: commentView(comment) });

@Resolver(() => CommentView)
export class CommentResolver {
  @Mutation(() => CommunityCommentResult, {
    description: "A member (or staff) comments on a post or replies to a comment; the replied-to and @mentioned are notified.",
  })
  async createCommunityComment(
    @Arg("input", () => CreateCommunityCommentInput) input: CreateCommunityCommentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CommunityCommentResult> {
    requireSignedIn(ctx.caller);
    return asResult(await createComment(ctx.em, ctx.caller, input), success);
  }

  @Mutation(() => CommunityCommentResult, { description: "The author edits their comment (marked edited)." })
  @MultilineArgs("body")
  async updateCommunityComment(
    @Arg("id", () => ID, { description: "Comment id." }) id: string,
    @Arg("body", () => String, { description: "Body in Markdown, 1–5000 characters." }) body: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CommunityCommentResult> {
    requireSignedIn(ctx.caller);
    return asResult(await updateComment(ctx.em, ctx.caller, id, body), success);
  }

  @Mutation(() => CommunityCommentResult, {
    description: 'The author deletes their comment, or staff any ("removed by a moderator"); replies stay.',
  })
  async deleteCommunityComment(@Arg("id", () => ID, { description: "Comment id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    return asResult(await deleteComment(ctx.em, ctx.caller, id), success);
  }
}
