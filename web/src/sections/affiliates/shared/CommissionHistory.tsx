import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { QueryState } from "../../../shared/QueryState";
import { CommissionsTable } from "./CommissionsTable";
import { AffiliateCommissionsDocument } from "./operations";
import { appendPage } from "./pagination";

const PAGE_SIZE = 20;

/** One affiliate's commission history, newest first, with "Load more" (Relay cursors). */
export function CommissionHistory({ affiliateId, heading = "Commission history" }: { affiliateId: string; heading?: string }) {
  const headingId = useId();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(AffiliateCommissionsDocument, {
    variables: { affiliateId, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const more = async (after: string) => {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) =>
          shown.affiliate && fetchMoreResult.affiliate
            ? {
                ...shown,
                affiliate: {
                  ...shown.affiliate,
                  commissions: appendPage(shown.affiliate.commissions, fetchMoreResult.affiliate.commissions),
                },
              }
            : shown,
      });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <section aria-labelledby={headingId} data-testid="commission-history">
      <h2 id={headingId}>{heading}</h2>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading commissions…" onRetry={() => void refetch()}>
        {({ affiliate }) => {
          const connection = affiliate?.commissions;
          if (!connection || connection.edges.length === 0)
            return <p className="empty-state">No commissions yet: they appear when a referred client pays an invoice.</p>;
          return (
            <>
              <CommissionsTable commissions={connection.edges.map((edge) => edge.node)} label={heading} />
              {connection.pageInfo.hasNextPage && connection.pageInfo.endCursor && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void more(connection.pageInfo.endCursor!)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
