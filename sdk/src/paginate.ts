/** The part of a Relay connection the helper reads. */
export interface Connection<TNode> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: ReadonlyArray<{ node: TNode }>;
}

/**
 * Every node of a Relay connection, page after page, fetched only as the loop asks for more:
 *
 *   for await (const invoice of paginate((after) => client.invoices({ first: 50, after }))) …
 *
 * Breaking out of the loop stops fetching.
 */
export async function* paginate<TNode>(
  fetchPage: (after: string | null) => Promise<Connection<TNode>>,
): AsyncGenerator<TNode, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: Connection<TNode> = await fetchPage(after);
    for (const edge of page.edges) yield edge.node;
    // A server that says "more" without a cursor would make this loop forever.
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
