import { describe, expect, it } from "vitest";
import { appendPage } from "./pagination";

const edge = (id: string) => ({ cursor: `c-${id}`, node: { id } });

describe("load more", () => {
  it("appends the next page once and takes its page info", () => {
    const shown = { edges: [edge("1"), edge("2")], pageInfo: { hasNextPage: true, endCursor: "c-2" } };
    const next = { edges: [edge("2"), edge("3")], pageInfo: { hasNextPage: false, endCursor: "c-3" } };
    const joined = appendPage(shown, next);
    expect(joined.edges.map((entry) => entry.node.id)).toEqual(["1", "2", "3"]);
    expect(joined.pageInfo).toEqual({ hasNextPage: false, endCursor: "c-3" });
  });
});
