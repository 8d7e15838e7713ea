import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { Link } from "react-router";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { formatAmounts, formatRate } from "../shared/money";
import { appendPage } from "../shared/pagination";
import { AffiliateTabs } from "./AffiliateTabs";
import { MakeAffiliateForm } from "./MakeAffiliateForm";
import { AdminAffiliatesDocument, RemoveAffiliateDocument } from "./operations";

const PAGE_SIZE = 25;

/** The business's affiliates with their figures; search, make a contact an affiliate, remove one. */
export function AffiliatesPage() {
  const id = useId();
  const [search, setSearch] = useState("");
  const [message, setMessage] = useState("");
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const settled = useDebouncedValue(search.trim());
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminAffiliatesDocument, {
    variables: { search: settled || null, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const [remove, removal] = useMutation(RemoveAffiliateDocument, { refetchQueries: [AdminAffiliatesDocument] });
  useEffect(() => {
    document.title = "Affiliates";
  }, []);
  const more = async (after: string) => {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) => ({ ...shown, affiliates: appendPage(shown.affiliates, fetchMoreResult.affiliates) }),
      });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <>
      <h1>Affiliates</h1>
      <AffiliateTabs />
      <p role="status" className="hint">
        {message}
      </p>
      <MakeAffiliateForm onDone={setMessage} />
      <div className="field">
        <label htmlFor={`${id}-search`}>Search affiliates</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="Name or email"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      </div>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading affiliates…" onRetry={() => void refetch()}>
        {({ affiliates }) =>
          affiliates.edges.length === 0 ? (
            <p className="empty-state">
              {settled ? "No affiliate matches this search." : "No affiliates yet. Make a contact an affiliate above."}
            </p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="table" aria-label="Affiliates" data-testid="affiliates">
                  <thead>
                    <tr>
                      <th scope="col">Affiliate</th>
                      <th scope="col" className="aff-amount">
                        Clicks
                      </th>
                      <th scope="col" className="aff-amount">
                        Referrals
                      </th>
                      <th scope="col" className="aff-amount">
                        Conversion rate
                      </th>
                      <th scope="col">Pending</th>
                      <th scope="col">Approved</th>
                      <th scope="col">Paid</th>
                      <th scope="col">
                        <span className="visually-hidden">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {affiliates.edges.map(({ node }) => (
                      <tr key={node.id} data-testid="affiliate-row">
                        <th scope="row">
                          <Link to={`/admin/affiliates/${node.id}`}>{node.name}</Link>
                          <br />
                          <span className="hint">{node.email}</span>
                          {node.status === "REMOVED" && <span className="badge"> Removed</span>}
                        </th>
                        <td data-label="Clicks" className="aff-amount">
                          {node.stats.clicks}
                        </td>
                        <td data-label="Referrals" className="aff-amount">
                          {node.stats.referrals}
                        </td>
                        <td data-label="Conversion rate" className="aff-amount">
                          {formatRate(node.stats.conversionRate)}
                        </td>
                        <td data-label="Pending">
                          {formatAmounts(node.balances.map((b) => ({ amount: b.pending, currency: b.currency })))}
                        </td>
                        <td data-label="Approved">
                          {formatAmounts(node.balances.map((b) => ({ amount: b.approved, currency: b.currency })))}
                        </td>
                        <td data-label="Paid">{formatAmounts(node.balances.map((b) => ({ amount: b.paid, currency: b.currency })))}</td>
                        <td>
                          {node.status === "ACTIVE" && (
                            <button
                              type="button"
                              className="button button-secondary button-small"
                              onClick={() => setRemoving({ id: node.id, name: node.name })}
                            >
                              Remove<span className="visually-hidden"> {node.name}</span>
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {affiliates.pageInfo.hasNextPage && affiliates.pageInfo.endCursor && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void more(affiliates.pageInfo.endCursor!)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? "this affiliate"} from the programme?`}
        confirmLabel="Remove"
        danger
        busy={removal.loading}
        onCancel={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return;
          const result = (await remove({ variables: { affiliateId: removing.id } })).data?.removeAffiliate;
          setRemoving(null);
          setMessage(
            result?.__typename === "AffiliateSuccess"
              ? `${removing.name} was removed from the programme.`
              : (problemOf(result)?.message ?? "Could not remove the affiliate."),
          );
        }}
      >
        <p>
          Their links keep opening the landing page but no longer count clicks or referrals. Commissions already earned stay as they are.
        </p>
      </ConfirmDialog>
    </>
  );
}
