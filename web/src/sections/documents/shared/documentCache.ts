import type { ApolloCache } from "@apollo/client";

/**
 * Drops the lists and summaries a document change can move a document between (Pending
 * signature → Partially signed → Signed, the dashboard's count, staff lists), so screens showing
 * them refetch. The document itself updates in place through the normalised cache.
 */
export function dropDocumentLists(cache: ApolloCache): void {
  const stored = cache.extract() as Record<string, unknown>;
  for (const id of Object.keys(stored)) {
    if (!id.startsWith("Contact:")) continue;
    cache.evict({ id, fieldName: "documents" });
    cache.evict({ id, fieldName: "documentSummary" });
  }
  cache.evict({ id: "ROOT_QUERY", fieldName: "documents" });
  cache.gc();
}
