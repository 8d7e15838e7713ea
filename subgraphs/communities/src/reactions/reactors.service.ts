import { type Connection, decodeCursor, encodeCursor, type EntityManager, type PageArgs, pageSize, sql } from "@portal/kit";
import type { ReactionKindValue } from "../shared/enums.js";

export interface ReactorRow {
  person_kind: "contact" | "staff";
  person_id: string;
  kind: ReactionKindValue;
  created_at: Date;
  id: string;
}

/** Who reacted to a post or comment, newest first, optionally one kind only. */
export async function reactorsPage(
  em: EntityManager,
  businessId: string,
  targetId: string,
  kind: ReactionKindValue | null,
  args: PageArgs,
): Promise<Connection<ReactorRow>> {
  const limit = pageSize(args.first, 50);
  const cursor = decodeCursor(args.after);
  const params: unknown[] = [businessId, targetId];
  let where = "business_id = ? and target_id = ?";
  if (kind) {
    where += " and kind = ?";
    params.push(kind);
  }
  const pageWhere = cursor ? `${where} and (created_at, id) < (?::timestamptz, ?::uuid)` : where;
  const rows = await sql<ReactorRow>(
    em,
    `select id, person_kind, person_id, kind, created_at from communities.reaction where ${pageWhere} order by created_at desc, id desc limit ?`,
    [...params, ...(cursor ? [cursor.sort, cursor.id] : []), limit + 1],
  );
  const [{ count }] = await sql<{ count: string }>(em, `select count(*) from communities.reaction where ${where}`, params);
  const edges = rows
    .slice(0, limit)
    .map((node) => ({ node, cursor: encodeCursor({ sort: new Date(node.created_at).toISOString(), id: node.id }) }));
  return {
    edges,
    totalCount: Number(count),
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
