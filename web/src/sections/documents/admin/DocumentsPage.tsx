import { useApolloClient, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import type { DocumentStatus } from "../../../gql/graphql";
import { QueryState } from "../../../shared/QueryState";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { AdminDocumentsDocument } from "./documentOperations";
import { DOCUMENT_STATUSES, documentStatusLabel } from "../shared/documentStatus";
import { DocumentsTable } from "./DocumentsTable";
import { dropDocumentLists, useDocumentsLive } from "./useDocumentLive";
import { useLoadMore } from "../../../shared/useLoadMore";

const PAGE_SIZE = 25;

/** Every document of the business, newest first, filtered; statuses change live as parties act. */
export function DocumentsPage() {
  const [status, setStatus] = useState<DocumentStatus | "">("");
  const [search, setSearch] = useState("");
  const deferredSearch = useDebouncedValue(search.trim());
  const filtered = Boolean(status || deferredSearch);
  const client = useApolloClient();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminDocumentsDocument, {
    variables: { first: PAGE_SIZE, status: status || null, search: deferredSearch || null },
    notifyOnNetworkStatusChange: true,
  });
  const shown = new Set(data?.documents.edges.map((edge) => edge.node.id) ?? []);
  // Rows update in place from the event; the list itself reloads only when the document is new
  // to it or has left the chosen status.
  const { live } = useDocumentsLive((documentId, newStatus) => {
    if (!shown.has(documentId) || (status && newStatus !== status)) dropDocumentLists(client.cache);
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);

  return (
    <>
      <div className="page-heading">
        <h1>Documents</h1>
        <Link to="/admin/documents/new" className="button">
          New document
        </Link>
      </div>
      <div className="filters filters-compact" role="search" aria-label="Filter documents">
        <div className="field">
          <label htmlFor="document-search">Title</label>
          <input
            id="document-search"
            type="search"
            placeholder="Search by title"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="document-status">Status</label>
          <select id="document-status" value={status} onChange={(e) => setStatus(e.target.value as DocumentStatus | "")}>
            <option value="">All</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {documentStatusLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <div aria-live="polite">
        {notice && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ documents }) => (
          <>
            <p className="hint" aria-live="polite">
              {documents.totalCount === 1 ? "1 document" : `${documents.totalCount} documents`}
            </p>
            {documents.edges.length === 0 ? (
              <p className="empty-state">
                {filtered ? "No documents match." : "No documents yet. Upload a contract and send it for signature."}
              </p>
            ) : (
              <DocumentsTable documents={documents.edges.map((edge) => edge.node)} />
            )}
            {documents.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => void loadMore(documents.pageInfo.endCursor)}
              >
                {loadingMore ? "Loading…" : "Load more"}
              </button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
