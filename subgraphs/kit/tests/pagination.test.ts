import { buildSchema, printSchema } from "graphql";
import { buildSchemaSync, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { ConnectionType, decodeCursor, encodeCursor, pageSize, toConnection, type KeysetCursor } from "../src/pagination.js";

/** What a GraphQL client receives when a call is refused: the message and `extensions.code`. */
function failure(call: () => unknown): { code: unknown; message: string } {
  try {
    call();
  } catch (error) {
    const { message, extensions } = error as { message: string; extensions?: { code?: unknown } };
    return { code: extensions?.code, message };
  }
  throw new Error("the call was accepted");
}

const INVALID_CURSOR = { code: "BAD_REQUEST", message: "Invalid cursor: `after` must be a cursor returned by this list" };

describe("cursors", () => {
  it("come back as the sort value and id they were made from, whatever characters those hold", () => {
    for (const cursor of [
      { sort: "2026-01-15T12:00:00.000Z", id: "7f8e5d9c-0000-4000-8000-000000000001" },
      { sort: "", id: "" },
      { sort: 'Zoë "the" Ünïcode / + =', id: "a,b]" },
    ]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it("are opaque and safe in a URL: no JSON or base64 padding shows", () => {
    const cursor = encodeCursor({ sort: "a?b&c=d", id: "x/y+z" });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("are absent when no `after` was given", () => {
    expect(decodeCursor(undefined)).toBeNull();
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor("")).toBeNull();
  });

  it("refuse anything this list did not hand out, as a bad request", () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const forged of ["not-a-cursor", "%%%", encode({ sort: "a", id: "b" }), encode(["a"]), encode([1, "b"]), encode(["a", null])]) {
      expect(failure(() => decodeCursor(forged))).toEqual(INVALID_CURSOR);
    }
  });
});

describe("pageSize", () => {
  it("is 20 unless asked for, or the list's own default", () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(null, 50)).toBe(50);
  });

  it("takes any size from 1 to 100", () => {
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it("refuses sizes outside 1 to 100 as a bad request", () => {
    for (const first of [0, -1, 101]) {
      expect(failure(() => pageSize(first))).toEqual({ code: "BAD_REQUEST", message: "`first` must be between 1 and 100" });
    }
  });
});

describe("toConnection", () => {
  const rows = ["a", "b", "c", "d"].map((id, i) => ({ id, rank: String(i) }));
  const cursorOf = (row: { id: string; rank: string }): KeysetCursor => ({ sort: row.rank, id: row.id });

  it("keeps `limit` rows, each with its cursor, and reports a next page when the extra row came back", () => {
    const page = toConnection(rows, 3, 10, cursorOf, false);
    expect(page.edges.map((edge) => edge.node.id)).toEqual(["a", "b", "c"]);
    expect(page.edges.map((edge) => decodeCursor(edge.cursor))).toEqual([
      { sort: "0", id: "a" },
      { sort: "1", id: "b" },
      { sort: "2", id: "c" },
    ]);
    expect(page.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: page.edges[0]!.cursor,
      endCursor: page.edges[2]!.cursor,
    });
    expect(page.totalCount).toBe(10);
  });

  it("reports no next page when exactly `limit` rows or fewer came back", () => {
    expect(toConnection(rows, 4, 4, cursorOf, true).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(toConnection(rows.slice(0, 2), 4, 2, cursorOf, false).edges).toHaveLength(2);
  });

  it("gives an empty page null cursors, so a client knows there is nothing to continue from", () => {
    expect(toConnection([], 20, 0, cursorOf, true)).toEqual({
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null },
    });
  });

  it("ends a page with the cursor that continues right after its last row", () => {
    const first = toConnection(rows, 2, 4, cursorOf, false);
    const after = decodeCursor(first.pageInfo.endCursor)!;
    const rest = rows.filter((row) => row.rank > after.sort);
    const second = toConnection(rest, 2, 4, cursorOf, true);
    expect([...first.edges, ...second.edges].map((edge) => edge.node.id)).toEqual(["a", "b", "c", "d"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});

describe("ConnectionType", () => {
  it("declares `<Node>Connection` and `<Node>Edge` with Relay's fields and the shared PageInfo", () => {
    @ObjectType({ description: "A node for this test only." })
    class PaginationTestWidget {
      @Field(() => ID, { description: "Its id." })
      id!: string;
    }
    const WidgetConnection = ConnectionType(PaginationTestWidget, "PaginationTestWidget");

    @Resolver()
    class WidgetResolver {
      @Query(() => WidgetConnection, { description: "Widgets." })
      widgets() {
        return toConnection([{ id: "w-1" }], 20, 1, (widget) => ({ sort: widget.id, id: widget.id }), false);
      }
    }

    const schema = buildSchemaSync({ resolvers: [WidgetResolver], validate: false });
    const expected = buildSchema(`
      type Query { widgets: PaginationTestWidgetConnection! }
      type PaginationTestWidgetConnection { edges: [PaginationTestWidgetEdge!]! pageInfo: PageInfo! totalCount: Int! }
      type PaginationTestWidgetEdge { cursor: String! node: PaginationTestWidget! }
      type PaginationTestWidget { id: ID! }
      type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
    `);
    const withoutDescriptions = (sdl: string) =>
      sdl
        .replace(/"""[\s\S]*?"""|"[^"\n]*"/g, "")
        .replace(/\s+/g, " ")
        .trim();
    const typeOf = (sdl: string, name: string) => withoutDescriptions(sdl).match(new RegExp(`type ${name} \\{[^}]*\\}`))?.[0];
    for (const name of ["Query", "PaginationTestWidgetConnection", "PaginationTestWidgetEdge", "PageInfo"]) {
      expect(typeOf(printSchema(schema), name)).toBe(typeOf(printSchema(expected), name));
    }
  });
});
