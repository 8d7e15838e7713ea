import { useQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { Link } from "react-router";
import { QueryState } from "../../../shared/QueryState";
import { useLoadMore } from "../../../shared/useLoadMore";
import { appendPage } from "../shared/pagination";
import { grantsInWords } from "../shared/labels";
import { formatMoney } from "../shared/money";
import { PublicLink } from "../shared/PublicLink";
import { OffersDocument } from "./operations";
import { OrderTabs } from "./OrderTabs";

const PAGE_SIZE = 50;

/** The business's offers, each with its public order page to copy. */
export function OffersPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(OffersDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
  });
  const { loadingMore, loadMore } = useLoadMore((options) =>
    fetchMore({
      ...options,
      updateQuery: (shown, { fetchMoreResult }) => ({ ...shown, offers: appendPage(shown.offers, fetchMoreResult.offers) }),
    }),
  );
  useEffect(() => {
    document.title = "Order forms – Offers";
  }, []);
  return (
    <>
      <div className="page-heading">
        <h1>Order forms</h1>
        <Link className="button" to="/admin/offers/new">
          New offer
        </Link>
      </div>
      <OrderTabs />
      <p className="hint">
        Sell access to courses and community groups: buyers pay on the offer's page and get access without you doing anything.
      </p>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading offers…" onRetry={() => void refetch()}>
        {({ offers }) =>
          offers.edges.length === 0 ? (
            <p className="empty-state">No offers yet. Create one to sell a course or a community group.</p>
          ) : (
            <>
              <ul className="offer-list" aria-label="Offers">
                {offers.edges.map(({ node }) => (
                  <li key={node.id} className="card offer-item" data-testid="offer-item">
                    <h2>
                      <Link to={`/admin/offers/${node.id}`}>{node.name}</Link>{" "}
                      {node.status === "ARCHIVED" && <span className="badge badge-offer-archived">Archived</span>}
                    </h2>
                    <p>
                      {formatMoney(node.price, node.currency)} · grants {grantsInWords(node)}
                    </p>
                    {node.status === "ACTIVE" ? (
                      <PublicLink publicUrl={node.publicUrl} slug={node.slug} name={node.name} />
                    ) : (
                      <p className="hint">Not for sale: its page is closed.</p>
                    )}
                  </li>
                ))}
              </ul>
              {offers.pageInfo.hasNextPage && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void loadMore(offers.pageInfo.endCursor)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </>
  );
}
