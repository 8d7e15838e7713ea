import { useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { appendPage } from "./pagination";
import { AffiliateReferralsDocument } from "./operations";

const PAGE_SIZE = 25;

/**
 * The contacts an affiliate referred, newest first, and whether each has paid yet. Staff get a link
 * to each contact; the affiliate sees the masked label only.
 */
export function ReferralsList({ affiliateId, heading = "Referrals" }: { affiliateId: string; heading?: string }) {
  const headingId = useId();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(AffiliateReferralsDocument, {
    variables: { id: affiliateId, first: PAGE_SIZE },
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
                affiliate: { ...shown.affiliate, referrals: appendPage(shown.affiliate.referrals, fetchMoreResult.affiliate.referrals) },
              }
            : shown,
      });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <section aria-labelledby={headingId} data-testid="affiliate-referrals">
      <h2 id={headingId}>{heading}</h2>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading referrals…" onRetry={() => void refetch()}>
        {({ affiliate }) => {
          const connection = affiliate?.referrals;
          if (!connection || connection.edges.length === 0) return <p className="empty-state">No referrals yet.</p>;
          return (
            <>
              <div className="table-scroll">
                <table className="table" aria-label={heading}>
                  <thead>
                    <tr>
                      <th scope="col">Contact</th>
                      <th scope="col">Through</th>
                      <th scope="col">Referred</th>
                      <th scope="col">Paid yet</th>
                    </tr>
                  </thead>
                  <tbody>
                    {connection.edges.map(({ node }) => (
                      <tr key={node.id} data-testid="referral">
                        <th scope="row">
                          {node.contactId ? <Link to={`/admin/contacts/${node.contactId}`}>{node.label}</Link> : node.label}
                        </th>
                        <td data-label="Through">{node.linkCode ?? "Added by staff"}</td>
                        <td data-label="Referred">{formatDateTime(node.referredAt)}</td>
                        <td data-label="Paid yet">{node.converted ? "Yes" : "Not yet"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
