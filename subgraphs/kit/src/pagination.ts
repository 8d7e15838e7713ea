import { ArgsType, ClassType, Directive, Field, Int, ObjectType } from "type-graphql";
import { badRequest } from "./errors.js";

@ObjectType({ description: "Relay page information." })
@Directive("@shareable") // every subgraph's connections use it
export class PageInfo {
  @Field(() => Boolean, { description: "More items exist after `endCursor`." })
  hasNextPage!: boolean;
  @Field(() => Boolean, { description: "More items exist before `startCursor`." })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true, description: "Cursor of the first item of this page." })
  startCursor!: string | null;
  @Field(() => String, { nullable: true, description: "Cursor of the last item of this page." })
  endCursor!: string | null;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: "Page size (1-100), counting forward from `after`." })
  first?: number | null;
  @Field(() => String, { nullable: true, description: "Return items after this cursor." })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Builds `XConnection` and `XEdge` types for a node type (type-graphql generic types). */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`, { description: `An edge in a ${name} connection.` })
  class EdgeType {
    @Field(() => String, { description: "Opaque cursor for this item." })
    cursor!: string;
    @Field(() => nodeType, { description: "The item." })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: "Items of this page with their cursors." })
    edges!: EdgeType[];
    @Field(() => PageInfo, { description: "Where this page sits in the list." })
    pageInfo!: PageInfo;
    @Field(() => Int, { description: "Number of items matching the filter, across all pages." })
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * Keyset cursor over (sortValue, id): stable under inserts, unlike offsets. Services order by the
 * same pair and fetch `limit + 1` rows to learn whether a next page exists.
 */
export interface KeysetCursor {
  sort: string;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.id])).toString("base64url");
}

export function decodeCursor(value: string | null | undefined): KeysetCursor | null {
  if (!value) return null;
  try {
    const [sort, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (typeof sort !== "string" || typeof id !== "string") throw new Error("shape");
    return { sort, id };
  } catch {
    throw badRequest("Invalid cursor: `after` must be a cursor returned by this list");
  }
}

export function pageSize(first: number | null | undefined, fallback = 20): number {
  if (first == null) return fallback;
  if (first < 1 || first > 100) throw badRequest("`first` must be between 1 and 100");
  return first;
}

/** Turns `limit + 1` fetched rows into a connection. */
export function toConnection<T>(
  rows: T[],
  limit: number,
  totalCount: number,
  cursorOf: (row: T) => KeysetCursor,
  hasPrevious: boolean,
): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
