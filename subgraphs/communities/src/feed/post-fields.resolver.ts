import { ConnectionArgs, decodeCursor, mapConnection, pageSize, type SubgraphContext } from "@portal/kit";
import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from "type-graphql";
import { Comment } from "../comments/comment.entity.js";
import { CommentView, CommunityCommentConnection } from "../comments/comment.types.js";
import { CommunityReactor, CommunityReactorConnection } from "../reactions/reaction.types.js";
import { reactorsPage } from "../reactions/reactors.service.js";
import { CommunityReactionKind, type ReactionKindValue } from "../shared/enums.js";
import { personKey } from "../shared/people.js";
import { CommunityPerson } from "../shared/person.types.js";
import { commentPage, readersOf } from "../shared/readers.js";
import { commentView } from "../shared/views.js";
import { CommunityImageView, CommunityReactionCount, PostView } from "./post.types.js";

@ArgsType()
export class ReactorArgs extends ConnectionArgs {
  @Field(() => CommunityReactionKind, { nullable: true, description: "Only this kind of reaction." })
  kind?: CommunityReactionKind | null;
}

type Authored = { authorKind: string; authorId: string; readers?: object };

/** Shared by posts and comments: the author, reaction counts and who reacted. Every answer is the same whoever reads. */
export const authorOf = (root: Authored, ctx: SubgraphContext) =>
  readersOf(root, ctx).people.load(personKey(root.authorKind, root.authorId));

export async function reactorsOf(root: { id: string; businessId: string; readers?: object }, args: ReactorArgs, ctx: SubgraphContext) {
  const readers = readersOf(root, ctx);
  const page = await reactorsPage(
    readers.em,
    root.businessId,
    root.id,
    args.kind ? (args.kind.toLowerCase() as ReactionKindValue) : null,
    args,
  );
  const people = await Promise.all(page.edges.map((edge) => readers.people.load(personKey(edge.node.person_kind, edge.node.person_id))));
  return mapConnection(page, (row) =>
    Object.assign(new CommunityReactor(), {
      person: people[page.edges.findIndex((edge) => edge.node === row)],
      kind: row.kind.toUpperCase() as CommunityReactionKind,
      reactedAt: new Date(row.created_at),
    }),
  );
}

/** A post's author, images, reactions and comments, batched across the whole response. */
@Resolver(() => PostView)
export class PostFieldsResolver {
  @FieldResolver(() => CommunityPerson, { description: "Who wrote it." })
  author(@Root() post: PostView, @Ctx() ctx: SubgraphContext) {
    return authorOf(post, ctx);
  }

  @FieldResolver(() => [CommunityImageView], { description: "Its images in order (none once removed)." })
  async images(@Root() post: PostView, @Ctx() ctx: SubgraphContext) {
    return post.removed ? [] : readersOf(post, ctx).images.load(post.id);
  }

  @FieldResolver(() => [CommunityReactionCount], { description: "Reactions per kind, in the fixed order (kinds nobody gave left out)." })
  reactions(@Root() post: PostView, @Ctx() ctx: SubgraphContext) {
    return readersOf(post, ctx).reactionCounts.load(post.id);
  }

  @FieldResolver(() => CommunityReactorConnection, { description: "Who reacted, newest first." })
  reactors(@Root() post: PostView, @Args(() => ReactorArgs) args: ReactorArgs, @Ctx() ctx: SubgraphContext) {
    return reactorsOf(post, args, ctx);
  }

  @FieldResolver(() => CommunityCommentConnection, {
    description: "Top-level comments, oldest first (replies are on each comment). Removed ones stay as placeholders.",
  })
  async comments(@Root() post: PostView, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: SubgraphContext) {
    const readers = readersOf(post, ctx);
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after);
    const page = cursor
      ? await (async () => {
          const where = { postId: post.id, parentId: null };
          const rows = await readers.em.find(
            Comment,
            {
              ...where,
              $or: [{ createdAt: { $gt: new Date(cursor.sort) } }, { createdAt: new Date(cursor.sort), id: { $gt: cursor.id } }],
            },
            { orderBy: { createdAt: "asc", id: "asc" }, limit: limit + 1 },
          );
          return commentPage(rows, limit, await readers.em.count(Comment, where), true);
        })()
      : await readers.comments.load(`${post.id}|${limit}`);
    return mapConnection(page, (comment) => Object.assign(commentView(comment), { readers: post.readers }));
  }
}

/** A comment's author, reactions and replies. */
@Resolver(() => CommentView)
export class CommentFieldsResolver {
  @FieldResolver(() => CommunityPerson, { description: "Who wrote it." })
  author(@Root() comment: CommentView, @Ctx() ctx: SubgraphContext) {
    return authorOf(comment, ctx);
  }

  @FieldResolver(() => [CommunityReactionCount], { description: "Reactions per kind (kinds nobody gave left out)." })
  reactions(@Root() comment: CommentView, @Ctx() ctx: SubgraphContext) {
    return readersOf(comment, ctx).reactionCounts.load(comment.id);
  }

  @FieldResolver(() => CommunityReactorConnection, { description: "Who reacted, newest first." })
  reactors(@Root() comment: CommentView, @Args(() => ReactorArgs) args: ReactorArgs, @Ctx() ctx: SubgraphContext) {
    return reactorsOf(comment, args, ctx);
  }

  @FieldResolver(() => [CommentView], { description: "Replies to a top-level comment, oldest first (empty for a reply)." })
  async replies(@Root() comment: CommentView, @Ctx() ctx: SubgraphContext) {
    if (comment.parentId) return [];
    const replies = await readersOf(comment, ctx).replies.load(comment.id);
    return replies.map((reply) => Object.assign(commentView(reply), { readers: comment.readers }));
  }
}
