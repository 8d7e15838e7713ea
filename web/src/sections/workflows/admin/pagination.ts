/** The part of a Relay connection that "load more" joins. */
export interface ConnectionLike<Node extends { id: string }> {
  edges: { cursor: string; node: Node }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * The next page appended to the list already shown, keeping the newer page's pageInfo. The console's
 * cache has no paging rule for these lists, so "load more" joins the pages itself; an entry already on
 * screen (a run that moved while paging) is not shown twice.
 */
export function appendPage<Node extends { id: string }, C extends ConnectionLike<Node>>(shown: C, next: C): C {
  const seen = new Set(shown.edges.map((edge) => edge.node.id));
  return { ...next, edges: [...shown.edges, ...next.edges.filter((edge) => !seen.has(edge.node.id))] };
}
