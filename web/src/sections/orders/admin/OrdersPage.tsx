import { useQuery } from "@apollo/client/react";
import { useEffect, useId } from "react";
import { Link, useSearchParams } from "react-router";
import type { OrderStatus } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { useLoadMore } from "../../../shared/useLoadMore";
import { appendPage } from "../shared/pagination";
import { orderStatusLabel, paymentMethodLabel } from "../shared/labels";
import { formatMoney } from "../shared/money";
import { OfferNamesDocument, StaffOrdersDocument } from "./operations";
import { OrderTabs } from "./OrderTabs";

const PAGE_SIZE = 25;
const STATUSES: { value: OrderStatus; label: string }[] = [
  { value: "PENDING", label: "Awaiting payment" },
  { value: "PAID", label: "Paid, buyer being set up" },
  { value: "READY", label: "Paid, buyer has access" },
];

/** Every order of the business, newest first, by offer and status (filters kept in the address). */
export function OrdersPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const offerId = params.get("offer") ?? "";
  const status = (params.get("status") ?? "") as OrderStatus | "";
  const setFilter = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const offers = useQuery(OfferNamesDocument);
  const { data, loading, error, refetch, fetchMore } = useQuery(StaffOrdersDocument, {
    variables: { first: PAGE_SIZE, offerId: offerId || null, status: status || null },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore((options) =>
    fetchMore({
      ...options,
      updateQuery: (shown, { fetchMoreResult }) => ({ ...shown, orders: appendPage(shown.orders, fetchMoreResult.orders) }),
    }),
  );
  useEffect(() => {
    document.title = "Order forms – Orders";
  }, []);
  return (
    <>
      <div className="page-heading">
        <h1>Order forms</h1>
      </div>
      <OrderTabs />
      <div className="filters filters-compact" role="search" aria-label="Filter orders">
        <div className="field">
          <label htmlFor={`${id}-offer`}>Offer</label>
          <select id={`${id}-offer`} value={offerId} onChange={(event) => setFilter("offer", event.target.value)}>
            <option value="">All offers</option>
            {offers.data?.offers.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status} onChange={(event) => setFilter("status", event.target.value)}>
            <option value="">All</option>
            {STATUSES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading orders…" onRetry={() => void refetch()}>
        {({ orders }) => (
          <>
            <p className="hint" aria-live="polite">
              {orders.totalCount === 1 ? "1 order" : `${orders.totalCount} orders`}
            </p>
            {orders.edges.length === 0 ? (
              <p className="empty-state">{offerId || status ? "No orders match." : "No orders yet. Share an offer's link to sell it."}</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <caption className="visually-hidden">Orders, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Number</th>
                      <th scope="col">Offer</th>
                      <th scope="col">Buyer</th>
                      <th scope="col">Status</th>
                      <th scope="col">Paid</th>
                      <th scope="col">Payment</th>
                      <th scope="col" className="numeric">
                        Amount
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {orders.edges.map(({ node }) => (
                      <tr key={node.id} data-testid="order-row">
                        <th scope="row">
                          {node.receiptUrl ? (
                            <a href={node.receiptUrl} download>
                              #{node.number}
                              <span className="visually-hidden"> (receipt PDF)</span>
                            </a>
                          ) : (
                            `#${node.number}`
                          )}
                        </th>
                        <td data-label="Offer">{node.offerName}</td>
                        <td data-label="Buyer">
                          {node.contact ? <Link to={`/admin/contacts/${node.contact.id}`}>{node.buyerName}</Link> : node.buyerName}
                          <br />
                          <span className="hint">{node.buyerEmail}</span>
                          {node.referralCode && <span className="hint"> · referred ({node.referralCode})</span>}
                        </td>
                        <td data-label="Status">
                          <span className={`badge badge-order-${node.status.toLowerCase()}`}>{orderStatusLabel(node.status)}</span>
                        </td>
                        <td data-label="Paid">{formatDateTime(node.paidAt)}</td>
                        <td data-label="Payment">{paymentMethodLabel(node.paymentMethod)}</td>
                        <td data-label="Amount" className="numeric">
                          {formatMoney(node.amount, node.currency)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {orders.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => void loadMore(orders.pageInfo.endCursor)}
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
