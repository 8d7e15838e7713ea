import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { graphql } from "../../../gql";
import type { InvoiceStatus } from "../../../gql/graphql";
import { INVOICE_STATUSES, invoiceStatusLabel } from "../shared/InvoiceStatusBadge";
import { useInvoiceLive } from "../shared/useInvoiceLive";
import { QueryState } from "../../../shared/QueryState";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { ContactPicker } from "./ContactPicker";
import { InvoicesTable } from "./InvoicesTable";
import { useLoadMore } from "../../../shared/useLoadMore";

const PAGE_SIZE = 25;

const InvoicesDocument = graphql(`
  query Invoices($first: Int, $after: String, $status: InvoiceStatus, $contactId: ID, $issuedFrom: String, $issuedTo: String, $search: String) {
    invoices(first: $first, after: $after, status: $status, contactId: $contactId, issuedFrom: $issuedFrom, issuedTo: $issuedTo, search: $search) {
      totalCount
      edges { cursor node { ...InvoiceListItem } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Every invoice of the business, newest first, filtered; rows change live as invoices do. */
export function InvoicesPage() {
  const [status, setStatus] = useState<InvoiceStatus | "">("");
  const [contactId, setContactId] = useState("");
  const [issuedFrom, setIssuedFrom] = useState("");
  const [issuedTo, setIssuedTo] = useState("");
  const [search, setSearch] = useState("");
  const deferredSearch = useDebouncedValue(search.trim());
  const { live } = useInvoiceLive();
  const filtered = Boolean(status || contactId || issuedFrom || issuedTo || deferredSearch);
  const { data, loading, error, refetch, fetchMore } = useQuery(InvoicesDocument, {
    variables: {
      first: PAGE_SIZE,
      status: status || null,
      contactId: contactId || null,
      issuedFrom: issuedFrom || null,
      issuedTo: issuedTo || null,
      search: deferredSearch || null,
    },
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore(fetchMore);

  return (
    <>
      <div className="page-heading">
        <h1>Invoices</h1>
        <Link to="/admin/invoices/new" className="button">
          New invoice
        </Link>
      </div>
      <div className="filters filters-compact" role="search" aria-label="Filter invoices">
        <div className="field">
          <label htmlFor="invoice-search">Number</label>
          <input
            id="invoice-search"
            type="search"
            placeholder="e.g. 12 or #12"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="invoice-status">Status</label>
          <select id="invoice-status" value={status} onChange={(e) => setStatus(e.target.value as InvoiceStatus | "")}>
            <option value="">All</option>
            {INVOICE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {invoiceStatusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <ContactPicker label="Contact" emptyLabel="All contacts" value={contactId} onChange={setContactId} />
        <div className="field">
          <label htmlFor="invoice-from">Issued from</label>
          <input id="invoice-from" type="date" value={issuedFrom} onChange={(e) => setIssuedFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="invoice-to">Issued to</label>
          <input id="invoice-to" type="date" value={issuedTo} onChange={(e) => setIssuedTo(e.target.value)} />
        </div>
      </div>
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ invoices }) => (
          <>
            <p className="hint" aria-live="polite">
              {invoices.totalCount === 1 ? "1 invoice" : `${invoices.totalCount} invoices`}
            </p>
            {invoices.edges.length === 0 ? (
              <p className="empty-state">{filtered ? "No invoices match." : "No invoices yet. Bill your first client."}</p>
            ) : (
              <InvoicesTable invoices={invoices.edges.map((edge) => edge.node)} />
            )}
            {invoices.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => void loadMore(invoices.pageInfo.endCursor)}
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
