import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { PortalAccessStatus } from "../../gql/graphql";
import { QueryState } from "../../shared/QueryState";
import { useDebouncedValue } from "../../shared/useDebouncedValue";
import { accessStatusLabel } from "../../shared/StatusBadge";
import { ContactsTable } from "./ContactsTable";
import { useContactAccessLive } from "./useContactAccessLive";
import { useLoadMore } from "../../shared/useLoadMore";

const PAGE_SIZE = 25;
const STATUSES: PortalAccessStatus[] = ["NONE", "INVITED", "ACTIVE", "REVOKED"];

const ContactsDocument = graphql(`
  query Contacts($first: Int, $after: String, $search: String, $accessStatus: PortalAccessStatus) {
    contacts(first: $first, after: $after, search: $search, accessStatus: $accessStatus) {
      totalCount
      edges { cursor node { ...ContactListItem } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export function ContactsPage() {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<PortalAccessStatus | "">("");
  const deferredSearch = useDebouncedValue(search.trim());
  const { live } = useContactAccessLive();
  const { data, loading, error, refetch, fetchMore } = useQuery(ContactsDocument, {
    variables: { first: PAGE_SIZE, search: deferredSearch || null, accessStatus: status || null },
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);

  return (
    <>
      <div className="page-heading">
        <h1>Contacts</h1>
        <Link to="/admin/contacts/new" className="button">
          New contact
        </Link>
      </div>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="contact-search">Search</label>
          <input id="contact-search" type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="contact-status">Access status</label>
          <select id="contact-status" value={status} onChange={(e) => setStatus(e.target.value as PortalAccessStatus | "")}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {accessStatusLabel(s)}
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
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ contacts }) => (
          <>
            <p className="hint" aria-live="polite">
              {contacts.totalCount === 1 ? "1 contact" : `${contacts.totalCount} contacts`}
            </p>
            {contacts.edges.length === 0 ? (
              <p className="empty-state">{deferredSearch || status ? "No contacts match." : "No contacts yet. Add your first client."}</p>
            ) : (
              <ContactsTable contacts={contacts.edges.map((edge) => edge.node)} />
            )}
            {contacts.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => loadMore(contacts.pageInfo.endCursor)}
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
