import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link } from "react-router";
import { graphql } from "../../../gql";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { useLoadMore } from "../../../shared/useLoadMore";
import { orderReceiptPath } from "../shared/links";
import { formatMoney } from "../shared/money";
import { appendPage } from "../shared/pagination";
import "../shared/orders.css";

const PAGE_SIZE = 20;

const ClientOrdersDocument = graphql(`
  query ClientOrders($first: Int, $after: String) {
    viewer {
      contact {
        id
        orders(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { cursor node { id number offerName amount currency paidAt } }
        }
      }
    }
  }
`);

/** `/orders`: what the signed-in client bought on order pages, newest first, each with its receipt. */
export function OrdersPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(ClientOrdersDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore((options) =>
    fetchMore({
      ...options,
      updateQuery: (shown, { fetchMoreResult }) => {
        const before = shown.viewer.contact?.orders;
        const next = fetchMoreResult.viewer.contact?.orders;
        if (!shown.viewer.contact || !before || !next) return shown;
        return { ...shown, viewer: { ...shown.viewer, contact: { ...shown.viewer.contact, orders: appendPage(before, next) } } };
      },
    }),
  );
  useEffect(() => {
    document.title = "Your orders";
  }, []);
  return (
    <>
      <h1>Your orders</h1>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading your orders…" onRetry={() => void refetch()}>
        {({ viewer }) => {
          const orders = viewer.contact?.orders;
          if (!orders) return <p className="alert alert-error">Your orders cannot be shown right now. Please try again later.</p>;
          if (orders.edges.length === 0) return <p className="empty-state">No orders yet.</p>;
          return (
            <>
              <ul className="offer-list" aria-label="Orders, newest first">
                {orders.edges.map(({ node }) => (
                  <li key={node.id} className="card offer-item" data-testid="client-order">
                    <h2>
                      <Link to={orderReceiptPath(node.id)}>{node.offerName}</Link>
                    </h2>
                    <p>
                      Order #{node.number} · {formatMoney(node.amount, node.currency)} · {formatDateTime(node.paidAt)}
                    </p>
                  </li>
                ))}
              </ul>
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
          );
        }}
      </QueryState>
    </>
  );
}
