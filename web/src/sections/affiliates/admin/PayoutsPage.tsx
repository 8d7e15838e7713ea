import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useId, useState } from "react";
import { Link } from "react-router";
import type { AffiliatePayoutsDueQuery } from "../../../gql/graphql";
import { Field } from "../../../shared/Field";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { messageFor, type Problem, problemOf } from "../../../shared/results";
import { formatMoney } from "../shared/money";
import { appendPage } from "../shared/pagination";
import { AffiliateTabs } from "./AffiliateTabs";
import { dayBound, downloadText, payoutsCsvFileName } from "./csvExport";
import {
  AffiliatePayoutHistoryDocument,
  AffiliatePayoutsCsvDocument,
  AffiliatePayoutsDueDocument,
  RecordAffiliatePayoutDocument,
} from "./operations";

type Due = AffiliatePayoutsDueQuery["affiliatePayoutsDue"][number];
const PAGE_SIZE = 25;

/** What each affiliate is owed (above the minimum), recording a payout, the history and its CSV export. */
export function PayoutsPage() {
  const dueHeading = useId();
  const [message, setMessage] = useState("");
  const due = useQuery(AffiliatePayoutsDueDocument, { fetchPolicy: "cache-and-network" });
  useEffect(() => {
    document.title = "Affiliates – Payouts";
  }, []);
  return (
    <>
      <h1>Affiliates</h1>
      <AffiliateTabs />
      <p role="status" className="hint">
        {message}
      </p>
      <section aria-labelledby={dueHeading} data-testid="payouts-due">
        <h2 id={dueHeading}>Owed now</h2>
        <p className="hint">Approved commissions per affiliate and currency that reach the programme's minimum payout.</p>
        <QueryState
          loading={due.loading}
          error={due.error}
          data={due.data}
          loadingLabel="Loading what is owed…"
          onRetry={() => void due.refetch()}
        >
          {({ affiliatePayoutsDue }) =>
            affiliatePayoutsDue.length === 0 ? (
              <p className="empty-state">Nobody is owed a payout yet.</p>
            ) : (
              <ul className="plain-list">
                {affiliatePayoutsDue.map((entry) => (
                  <DueItem key={`${entry.affiliate.id}-${entry.currency}`} due={entry} onPaid={setMessage} />
                ))}
              </ul>
            )
          }
        </QueryState>
      </section>
      <PayoutHistory />
      <CsvExport />
    </>
  );
}

function DueItem({ due, onPaid }: { due: Due; onPaid: (message: string) => void }) {
  const [reference, setReference] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [record, { loading }] = useMutation(RecordAffiliatePayoutDocument, {
    refetchQueries: [AffiliatePayoutsDueDocument, AffiliatePayoutHistoryDocument],
  });
  const amount = formatMoney(due.amount, due.currency);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reference.trim()) {
      setProblem({ message: "Give the payment's reference (bank transfer, PayPal id…).", field: "reference", kind: "ValidationError" });
      return;
    }
    const result = (await record({ variables: { affiliateId: due.affiliate.id, currency: due.currency, reference: reference.trim() } }))
      .data?.recordAffiliatePayout;
    if (result?.__typename === "AffiliatePayoutSuccess")
      onPaid(`Payout of ${formatMoney(result.payout.amount, result.payout.currency)} to ${due.affiliate.name} recorded.`);
    else setProblem(problemOf(result) ?? { message: "Could not record the payout.", kind: "Error" });
  };
  const general = problem && problem.field !== "reference" ? problem.message : undefined;
  return (
    <li className="card" data-testid="payout-due">
      <h3>
        <Link to={`/admin/affiliates/${due.affiliate.id}`}>{due.affiliate.name}</Link>: {amount}
      </h3>
      <p className="hint">
        {due.commissionCount === 1 ? "1 commission" : `${due.commissionCount} commissions`} · {due.affiliate.email}
      </p>
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      <form className="aff-inline-form" onSubmit={submit} noValidate>
        <Field
          label={
            <>
              Payment reference<span className="visually-hidden"> for {due.affiliate.name}</span>
            </>
          }
          value={reference}
          onChange={(event) => setReference(event.currentTarget.value)}
          error={messageFor(problem, "reference")}
          maxLength={200}
        />
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Recording…" : `Record payout of ${amount}`}
        </button>
      </form>
    </li>
  );
}

function PayoutHistory() {
  const headingId = useId();
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(AffiliatePayoutHistoryDocument, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const more = async (after: string) => {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) => ({
          ...shown,
          affiliatePayouts: appendPage(shown.affiliatePayouts, fetchMoreResult.affiliatePayouts),
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };
  return (
    <section aria-labelledby={headingId} data-testid="payout-history">
      <h2 id={headingId}>Payout history</h2>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading payouts…" onRetry={() => void refetch()}>
        {({ affiliatePayouts }) =>
          affiliatePayouts.edges.length === 0 ? (
            <p className="empty-state">No payouts recorded yet.</p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="table" aria-label="Payout history">
                  <thead>
                    <tr>
                      <th scope="col">Paid</th>
                      <th scope="col">Affiliate</th>
                      <th scope="col" className="aff-amount">
                        Amount
                      </th>
                      <th scope="col">Reference</th>
                      <th scope="col" className="aff-amount">
                        Commissions
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {affiliatePayouts.edges.map(({ node }) => (
                      <tr key={node.id} data-testid="payout">
                        <td data-label="Paid">{formatDateTime(node.paidAt)}</td>
                        <td data-label="Affiliate">
                          <Link to={`/admin/affiliates/${node.affiliate.id}`}>{node.affiliate.name}</Link>
                        </td>
                        <td data-label="Amount" className="aff-amount">
                          {formatMoney(node.amount, node.currency)}
                        </td>
                        <td data-label="Reference">{node.reference}</td>
                        <td data-label="Commissions" className="aff-amount">
                          {node.commissionCount}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {affiliatePayouts.pageInfo.hasNextPage && affiliatePayouts.pageInfo.endCursor && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void more(affiliatePayouts.pageInfo.endCursor!)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
    </section>
  );
}

function CsvExport() {
  const headingId = useId();
  const client = useApolloClient();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setStatus("");
    try {
      const { data } = await client.query({
        query: AffiliatePayoutsCsvDocument,
        variables: { from: dayBound(from, false), to: dayBound(to, true) },
        fetchPolicy: "network-only",
      });
      if (data?.affiliatePayoutsCsv == null) throw new Error("empty");
      const fileName = payoutsCsvFileName(from, to);
      downloadText(data.affiliatePayoutsCsv, fileName);
      setStatus(`Downloaded ${fileName}.`);
    } catch {
      setStatus("Could not export the payouts. Please try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>Export payouts</h2>
      <form className="aff-inline-form" onSubmit={submit}>
        <Field label="From" type="date" value={from} onChange={(event) => setFrom(event.currentTarget.value)} />
        <Field label="To" type="date" value={to} onChange={(event) => setTo(event.currentTarget.value)} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Exporting…" : "Download CSV"}
        </button>
      </form>
      <p role="status" className="hint">
        {status}
      </p>
    </section>
  );
}
