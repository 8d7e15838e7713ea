import type { EntityManager } from "@mikro-orm/postgresql";
import { describe, expect, it } from "vitest";
import { findPage, mapConnection, type PageArgs } from "../src/keyset.js";
import type { Connection } from "../src/pagination.js";

interface Row {
  id: string;
  businessId: string;
  name: string;
  createdAt: Date;
}

type Filter = Record<string, unknown>;

/**
 * An EntityManager over rows in memory that understands what findPage asks of it: equality,
 * `$gt`/`$lt`, `$and`/`$or`, `orderBy` and `limit`, comparing dates as PostgreSQL does with the ISO
 * text a cursor carries. So the tests see which rows a page holds, not how the query was spelled.
 */
function memoryEm(rows: Row[]): EntityManager {
  const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
  const compare = (a: unknown, b: unknown) => (comparable(a)! < comparable(b)! ? -1 : comparable(a)! > comparable(b)! ? 1 : 0);
  const matches = (row: Row, filter: Filter): boolean =>
    Object.entries(filter).every(([key, condition]) => {
      if (key === "$and") return (condition as Filter[]).every((part) => matches(row, part));
      if (key === "$or") return (condition as Filter[]).some((part) => matches(row, part));
      const value = row[key as keyof Row];
      if (condition && typeof condition === "object" && !(condition instanceof Date)) {
        return Object.entries(condition).every(([operator, operand]) => {
          if (operator === "$gt") return compare(value, operand) > 0;
          if (operator === "$lt") return compare(value, operand) < 0;
          throw new Error(`operator ${operator} not understood`);
        });
      }
      return compare(value, condition) === 0;
    });
  return {
    async find(_entity: unknown, where: Filter, options: { orderBy: Record<string, "asc" | "desc">; limit: number }) {
      const order = Object.entries(options.orderBy);
      const sorted = rows
        .filter((row) => matches(row, where))
        .sort((a, b) => {
          for (const [field, direction] of order) {
            const result = compare(a[field as keyof Row], b[field as keyof Row]);
            if (result) return direction === "asc" ? result : -result;
          }
          return 0;
        });
      return sorted.slice(0, options.limit);
    },
    async count(_entity: unknown, where: Filter) {
      return rows.filter((row) => matches(row, where)).length;
    },
  } as unknown as EntityManager;
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 12, minute));
const row = (id: string, name: string, minute: number, businessId = "b-1"): Row => ({ id, businessId, name, createdAt: at(minute) });
// Names and times repeat on purpose: a page boundary inside a run of equal sort values must neither
// repeat nor skip a row.
const ROWS = [
  row("id-07", "Avery", 3),
  row("id-02", "Blake", 1),
  row("id-05", "Avery", 1),
  row("id-01", "Casey", 2),
  row("id-09", "Avery", 3),
  row("id-04", "Blake", 2),
  row("id-03", "Avery", 3),
  row("id-08", "Drew", 1),
  row("id-06", "Blake", 2),
  row("id-10", "Other tenant", 0, "b-2"),
  row("id-11", "Avery", 3, "b-2"),
];
const OWN = ROWS.filter((r) => r.businessId === "b-1");

/** Every page of the list, following `endCursor` until there is no next page. */
async function allPages(sortField: "name" | "createdAt", first: number, direction: "asc" | "desc" = "asc") {
  const em = memoryEm(ROWS);
  const pages: Connection<Row>[] = [];
  let args: PageArgs = { first };
  for (;;) {
    const page = await findPage<Row>(em, "Row", { businessId: "b-1" }, sortField, args, direction);
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    args = { first, after: page.pageInfo.endCursor };
  }
}

const ids = (pages: Connection<Row>[]) => pages.flatMap((page) => page.edges.map((edge) => edge.node.id));
const byThenId = (field: "name" | "createdAt") => (a: Row, b: Row) =>
  a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

describe("findPage", () => {
  it("walks every row of the filter once, in (sort value, id) order, across runs of equal values", async () => {
    for (const first of [1, 2, 3, 4, 8, 100]) {
      expect(ids(await allPages("name", first))).toEqual([...OWN].sort(byThenId("name")).map((r) => r.id));
    }
  });

  it("walks dates too, continuing after the last row's exact time", async () => {
    expect(ids(await allPages("createdAt", 2))).toEqual([...OWN].sort(byThenId("createdAt")).map((r) => r.id));
  });

  it("walks newest first when asked to go down", async () => {
    expect(ids(await allPages("createdAt", 3, "desc"))).toEqual(
      [...OWN]
        .sort(byThenId("createdAt"))
        .reverse()
        .map((r) => r.id),
    );
  });

  it("tells each page where it sits: a next page until the last, a previous one after the first", async () => {
    const pages = await allPages("name", 3);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([false, true, true]);
    expect(pages.map((page) => page.edges.length)).toEqual([3, 3, 3]);
  });

  it("counts every row of the filter on every page, not those left after the cursor nor other tenants'", async () => {
    expect((await allPages("name", 2)).map((page) => page.totalCount)).toEqual([9, 9, 9, 9, 9]);
  });

  it("pages 20 rows by default", async () => {
    const many = Array.from({ length: 25 }, (_, i) => row(`id-${String(i).padStart(2, "0")}`, "Same", 0));
    const page = await findPage<Row>(memoryEm(many), "Row", {}, "name", {});
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it("answers an empty list with an empty page", async () => {
    const page = await findPage<Row>(memoryEm(ROWS), "Row", { businessId: "b-none" }, "name", { first: 5 });
    expect(page).toEqual({
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it("refuses a forged cursor or a page size out of range as a bad request, before reading anything", async () => {
    const untouchable = new Proxy({} as EntityManager, {
      get: () => {
        throw new Error("the database was asked");
      },
    });
    await expect(findPage<Row>(untouchable, "Row", {}, "name", { after: "forged" })).rejects.toMatchObject({
      extensions: { code: "BAD_REQUEST" },
    });
    await expect(findPage<Row>(untouchable, "Row", {}, "name", { first: 101 })).rejects.toMatchObject({
      extensions: { code: "BAD_REQUEST" },
    });
  });
});

describe("mapConnection", () => {
  it("turns each node into its view and keeps cursors, page info and count", async () => {
    const [page] = await allPages("name", 4);
    const views = mapConnection(page!, (node) => ({ label: `${node.name} (${node.id})` }));
    expect(views.edges.map((edge) => edge.node.label)).toEqual(page!.edges.map((edge) => `${edge.node.name} (${edge.node.id})`));
    expect(views.edges.map((edge) => edge.cursor)).toEqual(page!.edges.map((edge) => edge.cursor));
    expect(views.pageInfo).toBe(page!.pageInfo);
    expect(views.totalCount).toBe(page!.totalCount);
  });
});
