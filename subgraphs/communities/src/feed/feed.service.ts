import { type Connection, decodeCursor, encodeCursor, type EntityManager, type PageArgs, pageSize, sql } from "@portal/kit";
import type { GroupAccess } from "../groups/group-access.js";
import { Post } from "./post.entity.js";

export interface FeedArgs extends PageArgs {
  search?: string | null;
}

/**
 * One page of a group's feed: pinned posts first (latest pinned first), then newest first, by a
 * stable keyset cursor (pinned, time, id), so new posts never shift a page being read. A search
 * uses PostgreSQL full-text search on title and body (`websearch_to_tsquery`: words, "phrases",
 * -excluded) and keeps the same order. Posts removed by a moderator stay visible to their author
 * (as "removed by a moderator"); other removed posts are gone. Two statements per page.
 */
export async function feedPage(em: EntityManager, access: GroupAccess, args: FeedArgs): Promise<Connection<Post>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const { group, person } = access;
  const params: unknown[] = [group.businessId, group.id, person?.kind ?? "", person?.id ?? "00000000-0000-0000-0000-000000000000"];
  let where = `p.business_id = ? and p.group_id = ?
    and (p.removed_at is null or (p.removed_by = 'moderator' and p.author_kind = ? and p.author_id = ?))`;
  const search = args.search?.trim();
  if (search) {
    where += ` and p.removed_at is null and p.search @@ websearch_to_tsquery('english', ?)`;
    params.push(search);
  }
  let pageWhere = where;
  const pageParams = [...params];
  if (cursor) {
    const [pinned, at] = cursor.sort.split("|");
    pageWhere += ` and ((p.pinned_at is not null)::int, coalesce(p.pinned_at, p.created_at), p.id) < (?, ?::timestamptz, ?::uuid)`;
    pageParams.push(Number(pinned), at, cursor.id);
  }
  const rows = await sql<Record<string, unknown>>(
    em,
    `select p.*, count(*) over () as total_count from communities.post p where ${pageWhere}
     order by (p.pinned_at is not null)::int desc, coalesce(p.pinned_at, p.created_at) desc, p.id desc limit ?`,
    [...pageParams, limit + 1],
  );
  // The window count covers the rows after the cursor; the total needs the whole filter (only when paging on).
  const totalCount = cursor
    ? Number((await sql<{ count: string }>(em, `select count(*) from communities.post p where ${where}`, params))[0]!.count)
    : Number(rows[0]?.total_count ?? 0);
  const posts = rows.map(({ total_count: _count, search: _search, ...row }) => em.map(Post, row));
  const page = posts.slice(0, limit);
  const edges = page.map((node) => ({
    node,
    cursor: encodeCursor({ sort: `${node.pinnedAt ? 1 : 0}|${(node.pinnedAt ?? node.createdAt).toISOString()}`, id: node.id }),
  }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: posts.length > limit,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
