import { requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { personOf } from "../shared/access.js";
import { asResult } from "../shared/outcomes.js";
import { postView } from "../shared/views.js";
import { createPost, deletePost, moderatePost, readablePost, updatePost } from "./post.service.js";
import {
  CommunityPostResult,
  CommunityPostSuccess,
  CommunityViewerReaction,
  CreateCommunityPostInput,
  PostView,
  UpdateCommunityPostInput,
} from "./post.types.js";
import { viewerReactionsForTargets } from "./viewer-reactions.js";

const success = (post: Parameters<typeof postView>[0]) => Object.assign(new CommunityPostSuccess(), { post: postView(post) });

@Resolver(() => PostView)
export class PostResolver {
  @Query(() => PostView, {
    nullable: true,
    description:
      "One post, for members of its group and the business's staff; null for anyone else (a removed post: its author and staff only).",
  })
  async communityPost(@Arg("id", () => ID, { description: "Post id." }) id: string, @Ctx() ctx: SubgraphContext): Promise<PostView | null> {
    requireSignedIn(ctx.caller);
    const found = await readablePost(ctx.em, ctx.caller, id);
    return found ? postView(found.post) : null;
  }

  @Query(() => [CommunityViewerReaction], {
    description:
      "The caller's own reactions to these posts and comments (e.g. comments loaded after the first page); others' are not told.",
  })
  async communityViewerReactions(
    @Arg("targetIds", () => [ID], { description: "Posts and comments, at most 200." }) targetIds: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityViewerReaction[]> {
    requireSignedIn(ctx.caller);
    if (!ctx.caller.businessId) return [];
    return viewerReactionsForTargets(ctx.em, ctx.caller.businessId, personOf(ctx.caller), targetIds.slice(0, 200));
  }

  @Mutation(() => CommunityPostResult, {
    description:
      "A member (or staff) posts in a group: Markdown body rendered to sanitised HTML, up to 4 uploaded images, @mentions notified.",
  })
  async createCommunityPost(
    @Arg("input", () => CreateCommunityPostInput) input: CreateCommunityPostInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CommunityPostResult> {
    requireSignedIn(ctx.caller);
    return asResult(await createPost(ctx.em, ctx.caller, input.groupId, input), success);
  }

  @Mutation(() => CommunityPostResult, { description: "The author edits their post (marked edited)." })
  async updateCommunityPost(
    @Arg("id", () => ID, { description: "Post id." }) id: string,
    @Arg("input", () => UpdateCommunityPostInput) input: UpdateCommunityPostInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CommunityPostResult> {
    requireSignedIn(ctx.caller);
    return asResult(await updatePost(ctx.em, ctx.caller, id, input), success);
  }

  @Mutation(() => CommunityPostResult, {
    description: 'The author deletes their post, or staff delete any post (its author then sees "removed by a moderator").',
  })
  async deleteCommunityPost(
    @Arg("id", () => ID, { description: "Post id." }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CommunityPostResult> {
    requireSignedIn(ctx.caller);
    return asResult(await deletePost(ctx.em, ctx.caller, id), success);
  }

  @Mutation(() => CommunityPostResult, { description: "Staff pin a post above the feed, or unpin it." })
  async pinCommunityPost(
    @Arg("id", () => ID, { description: "Post id." }) id: string,
    @Arg("pinned", () => Boolean, { description: "Pin (true) or unpin (false)." }) pinned: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CommunityPostResult> {
    requireSignedIn(ctx.caller);
    return asResult(await moderatePost(ctx.em, ctx.caller, id, { pinned }), success);
  }

  @Mutation(() => CommunityPostResult, { description: "Staff close comments on a post, or open them again." })
  async setCommunityPostCommentsClosed(
    @Arg("id", () => ID, { description: "Post id." }) id: string,
    @Arg("closed", () => Boolean, { description: "Close (true) or open (false)." }) closed: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof CommunityPostResult> {
    requireSignedIn(ctx.caller);
    return asResult(await moderatePost(ctx.em, ctx.caller, id, { commentsClosed: closed }), success);
  }
}
