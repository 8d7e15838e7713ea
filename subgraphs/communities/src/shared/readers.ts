import { type Connection, encodeCursor, type EntityManager, sql, type SubgraphContext } from "@portal/kit";
import { Comment } from "../comments/comment.entity.js";
import { CommunityImageView, CommunityReactionCount } from "../feed/post.types.js";
import { Batcher } from "./batcher.js";
import { uuidArray } from "./ids.js";
import { CommunityReactionKind, REACTION_KINDS, type ReactionKindValue } from "./enums.js";
import { loadPeople, type PersonKey } from "./people.js";
import type { CommunityPerson } from "./person.types.js";

/** A page of a post's top-level comments: `first` of them, oldest first. */
export type CommentsKey = `${string}|${number}`;

/**
 * Batched reads behind the fields of posts, comments and groups: one statement per kind of read for a
 * whole response, whatever the number of posts, comments or replies on it (see Batcher).
 */
export class Readers {
  constructor(
    readonly em: EntityManager,
    readonly businessId: string,
  ) {}

  readonly people = new Batcher<PersonKey, CommunityPerson>(
    (keys) => loadPeople(this.em, keys),
    () => {
      throw new Error("unreachable: loadPeople answers every key");
    },
  );

  readonly images = new Batcher<string, CommunityImageView[]>(
    async (postIds) => {
      const rows = await sql<{
        id: string;
        post_id: string;
        name: string;
        content_type: string;
        width: number;
        height: number;
        size: number;
      }>(
        this.em,
        `select id, post_id, name, content_type, width, height, size from communities.image
       where business_id = ? and post_id = any(?::uuid[]) order by post_id, position, id`,
        [this.businessId, uuidArray(postIds)],
      );
      const byPost = new Map<string, CommunityImageView[]>();
      for (const row of rows) {
        const list = byPost.get(row.post_id) ?? [];
        list.push(
          Object.assign(new CommunityImageView(), {
            id: row.id,
            url: `/files/communities/images/${row.id}`,
            name: row.name,
            contentType: row.content_type,
            width: row.width,
            height: row.height,
            size: row.size,
          }),
        );
        byPost.set(row.post_id, list);
      }
      return byPost;
    },
    () => [],
  );

  readonly reactionCounts = new Batcher<string, CommunityReactionCount[]>(
    async (targetIds) => {
      const rows = await sql<{ target_id: string; kind: ReactionKindValue; count: string }>(
        this.em,
        `select target_id, kind, count(*) as count from communities.reaction
       where business_id = ? and target_id = any(?::uuid[]) group by target_id, kind`,
        [this.businessId, uuidArray(targetIds)],
      );
      const byTarget = new Map<string, CommunityReactionCount[]>();
      for (const row of rows) byTarget.set(row.target_id, [...(byTarget.get(row.target_id) ?? []), countOf(row.kind, Number(row.count))]);
      for (const [target, counts] of byTarget)
        byTarget.set(
          target,
          counts.sort(
            (a, b) =>
              REACTION_KINDS.indexOf(a.kind.toLowerCase() as ReactionKindValue) -
              REACTION_KINDS.indexOf(b.kind.toLowerCase() as ReactionKindValue),
          ),
        );
      return byTarget;
    },
    () => [],
  );

  /** First pages of top-level comments of many posts in one statement (a window per post). */
  readonly comments = new Batcher<CommentsKey, Connection<Comment>>(
    async (keys) => {
      const byFirst = new Map<number, string[]>();
      for (const key of keys) {
        const [postId, first] = key.split("|");
        byFirst.set(Number(first), [...(byFirst.get(Number(first)) ?? []), postId!]);
      }
      const pages = new Map<CommentsKey, Connection<Comment>>();
      for (const [first, postIds] of byFirst) {
        const rows = await sql<Record<string, unknown>>(
          this.em,
          `select * from (
           select c.*, row_number() over (partition by c.post_id order by c.created_at, c.id) as position,
                  count(*) over (partition by c.post_id) as total_count
           from communities.comment c where c.business_id = ? and c.post_id = any(?::uuid[]) and c.parent_id is null
         ) ranked where position <= ? order by post_id, position`,
          [this.businessId, uuidArray(postIds), first + 1],
        );
        const byPost = new Map<string, { comments: Comment[]; total: number }>();
        for (const { position: _position, total_count, ...row } of rows) {
          const comment = this.em.map(Comment, row);
          const entry = byPost.get(comment.postId) ?? { comments: [], total: Number(total_count) };
          entry.comments.push(comment);
          byPost.set(comment.postId, entry);
        }
        for (const postId of postIds) {
          const entry = byPost.get(postId) ?? { comments: [], total: 0 };
          pages.set(`${postId}|${first}`, commentPage(entry.comments, first, entry.total, false));
        }
      }
      return pages;
    },
    () => commentPage([], 0, 0, false),
  );

  readonly replies = new Batcher<string, Comment[]>(
    async (commentIds) => {
      const rows = await this.em.find(Comment, { parentId: { $in: commentIds } }, { orderBy: { createdAt: "asc", id: "asc" } });
      const byParent = new Map<string, Comment[]>();
      for (const reply of rows) byParent.set(reply.parentId!, [...(byParent.get(reply.parentId!) ?? []), reply]);
      return byParent;
    },
    () => [],
  );

  readonly memberCounts = new Batcher<string, number>(
    async (groupIds) => {
      const rows = await sql<{ group_id: string; count: string }>(
        this.em,
        `select group_id, count(*) as count from communities.group_member where business_id = ? and group_id = any(?::uuid[]) group by group_id`,
        [this.businessId, uuidArray(groupIds)],
      );
      return new Map(rows.map((row) => [row.group_id, Number(row.count)]));
    },
    () => 0,
  );
}

export function countOf(kind: ReactionKindValue, count: number): CommunityReactionCount {
  return Object.assign(new CommunityReactionCount(), { kind: kind.toUpperCase() as CommunityReactionKind, count });
}

export function commentPage(rows: Comment[], limit: number, totalCount: number, hasPrevious: boolean): Connection<Comment> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor({ sort: node.createdAt.toISOString(), id: node.id }) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const byContext = new WeakMap<object, Readers>();

/**
 * The readers of a view: live views carry their own (a fresh EntityManager per change, shared by
 * every subscriber); query views use the request's.
 */
export function readersOf(root: { readers?: object }, ctx: SubgraphContext): Readers {
  if (root.readers) return root.readers as Readers;
  let readers = byContext.get(ctx);
  if (!readers) {
    readers = new Readers(ctx.em, ctx.caller.businessId ?? "00000000-0000-0000-0000-000000000000");
    byContext.set(ctx, readers);
  }
  return readers;
}
