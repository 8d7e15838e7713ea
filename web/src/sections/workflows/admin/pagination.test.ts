import { describe, expect, it } from "vitest";
import { appendPage } from "./pagination";

const page = (ids: string[], hasNextPage: boolean, endCursor: string | null) => ({
  totalCount: 9,
  edges: ids.map((id) => ({ cursor: `c-${id}`, node: { id } })),
  pageInfo: { hasNextPage, endCursor },
});

describe("load more", () => {
  it("appends the next page once each, with the newer page's end", () => {
    const joined = appendPage(page(["a", "b"], true, "c-b"), page(["b", "c"], false, null));
    expect(joined.edges.map((edge) => edge.node.id)).toEqual(["a", "b", "c"]);
    expect(joined.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
