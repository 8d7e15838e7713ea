import type { EntityManager, EntityName, FilterQuery } from "@mikro-orm/postgresql";
import { decodeCursor, pageSize, toConnection, type Connection } from "./pagination.js";

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * One page of `entity` ordered by (sortField, id), through the ORM so the tenant filter applies.
 * Keyset pagination: the cursor holds the last row's sort value and id.
 */
export async function findPage<T extends { id: string }>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  sortField: keyof T & string,
  args: PageArgs,
  direction: "asc" | "desc" = "asc",
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const beyond = direction === "asc" ? "$gt" : "$lt";
  const after = cursor
    ? { $or: [{ [sortField]: { [beyond]: cursor.sort } }, { [sortField]: cursor.sort, id: { [beyond]: cursor.id } }] }
    : null;
  const rows = await em.find(entity, (after ? { $and: [where, after] } : where) as FilterQuery<T>, {
    orderBy: { [sortField]: direction, id: direction } as never,
    limit: limit + 1,
  });
  const totalCount = await em.count(entity, where);
  return toConnection(rows, limit, totalCount, (row) => ({ sort: sortValue(row[sortField]), id: row.id }), cursor !== null);
}

function sortValue(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}

/** Maps the nodes of a service's connection to GraphQL views. */
export function mapConnection<T, V>(connection: Connection<T>, toView: (node: T) => V): Connection<V> {
  return { ...connection, edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toView(edge.node) })) };
}
