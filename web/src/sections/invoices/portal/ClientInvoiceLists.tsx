import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { graphql } from "../../../gql";
import type { InvoiceListItemFragment } from "../../../gql/graphql";
import { formatDay, formatMoney } from "../../../shared/money";
import { InvoiceStatusBadge } from "../shared/InvoiceStatusBadge";
import { QueryState } from "../../../shared/QueryState";
import { SectionUnavailable, sectionFailed } from "../../../portal/SectionUnavailable";

const PAGE_SIZE = 20;

const OutstandingInvoicesDocument = graphql(`
  query OutstandingInvoices($first: Int, $after: String) {
    viewer {
      contact {
        id
        outstandingInvoices(first: $first, after: $after) {
          totalCount
          edges { cursor node { ...InvoiceListItem } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`);

const PaidInvoicesDocument = graphql(`
  query PaidInvoices($first: Int, $after: String) {
    viewer {
      contact {
        id
        paidInvoices(first: $first, after: $after) {
          totalCount
          edges { cursor node { ...InvoiceListItem } }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
`);

/** Open and overdue invoices, earliest due first, with what is still to pay. */
export function OutstandingInvoices() {
  // Billing failing nulls only this list (errorPolicy "all"): say so with a retry, not "nothing here".
  const query = useQuery(OutstandingInvoicesDocument, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
    errorPolicy: "all",
  });
  const contact = query.data?.viewer.contact;
  const connection = contact?.outstandingInvoices;
  const retry = () => void query.refetch();
  return (
    <QueryState loading={query.loading} error={query.error} data={query.data} onRetry={retry}>
      {() =>
        sectionFailed(query.error, contact, connection) ? (
          <SectionUnavailable section="INVOICES" onRetry={retry} />
        ) : !connection || connection.edges.length === 0 ? (
          <p className="empty-state" data-testid="no-outstanding">
            Nothing to pay. You're all caught up.
          </p>
        ) : (
          <InvoiceList
            invoices={connection.edges.map((edge) => edge.node)}
            kind="outstanding"
            more={connection.pageInfo.hasNextPage ? () => query.fetchMore({ variables: { after: connection.pageInfo.endCursor } }) : null}
          />
        )
      }
    </QueryState>
  );
}

/** Paid invoices (refunded ones too), newest first. */
export function PaidInvoices() {
  // Billing failing nulls only this list (errorPolicy "all"): say so with a retry, not "nothing here".
  const query = useQuery(PaidInvoicesDocument, { variables: { first: PAGE_SIZE }, notifyOnNetworkStatusChange: true, errorPolicy: "all" });
  const contact = query.data?.viewer.contact;
  const connection = contact?.paidInvoices;
  const retry = () => void query.refetch();
  return (
    <QueryState loading={query.loading} error={query.error} data={query.data} onRetry={retry}>
      {() =>
        sectionFailed(query.error, contact, connection) ? (
          <SectionUnavailable section="INVOICES" onRetry={retry} />
        ) : !connection || connection.edges.length === 0 ? (
          <p className="empty-state" data-testid="no-paid">
            No paid invoices yet.
          </p>
        ) : (
          <InvoiceList
            invoices={connection.edges.map((edge) => edge.node)}
            kind="paid"
            more={connection.pageInfo.hasNextPage ? () => query.fetchMore({ variables: { after: connection.pageInfo.endCursor } }) : null}
          />
        )
      }
    </QueryState>
  );
}

interface InvoiceListProps {
  invoices: InvoiceListItemFragment[];
  kind: "outstanding" | "paid";
  more: (() => Promise<unknown>) | null;
}

function InvoiceList({ invoices, kind, more }: InvoiceListProps) {
  const [loadingMore, setLoadingMore] = useState(false);
  const loadMore = async () => {
    if (!more) return;
    setLoadingMore(true);
    try {
      await more();
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <>
      <ul className="invoice-list" data-testid={`${kind}-invoices`}>
        {invoices.map((invoice) => (
          <li key={invoice.id} className="card invoice-item" data-testid={`invoice-${invoice.number}`}>
            <div>
              <h2 className="invoice-item-title">
                <Link to={`/invoices/${invoice.id}`}>Invoice #{invoice.number}</Link>
              </h2>
              <p className="hint">
                {kind === "outstanding" ? `Due ${formatDay(invoice.dueDate)}` : `Issued ${formatDay(invoice.issueDate)}`}
              </p>
            </div>
            <div className="invoice-item-amount">
              {kind === "outstanding" ? (
                <>
                  <strong>{formatMoney(invoice.amountDue, invoice.currency)}</strong>
                  <span className="hint">due</span>
                  {invoice.overdue && <span className="badge badge-invoice-overdue">Overdue</span>}
                </>
              ) : (
                <>
                  <strong>{formatMoney(invoice.total, invoice.currency)}</strong>
                  <InvoiceStatusBadge status={invoice.status} />
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {more && (
        <button type="button" className="button button-secondary" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? "Loading…" : "Load more"}
        </button>
      )}
    </>
  );
}
