import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";
import { TextAreaField } from "../../../shared/Field";
import { QueryState } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { type CommissionRow, CommissionsTable } from "../shared/CommissionsTable";
import { COMMISSION_STATUS_LABELS, COMMISSION_STATUSES, type CommissionStatusName } from "../shared/labels";
import { formatMoney } from "../shared/money";
import { appendPage } from "../shared/pagination";
import { AffiliateTabs } from "./AffiliateTabs";
import { AdminCommissionsDocument, ApproveCommissionDocument, CancelCommissionDocument } from "./operations";

const PAGE_SIZE = 25;

/** Every affiliate's commissions by status; approve one before its hold ends, or cancel it with a reason. */
export function CommissionsPage() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const status = (COMMISSION_STATUSES as string[]).includes(params.get("status") ?? "")
    ? (params.get("status") as CommissionStatusName)
    : null;
  const affiliateId = params.get("affiliate");
  const [message, setMessage] = useState("");
  const [cancelling, setCancelling] = useState<CommissionRow | null>(null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState("");
  const [loadingMore, setLoadingMore] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminCommissionsDocument, {
    variables: { status, affiliateId, first: PAGE_SIZE },
    fetchPolicy: "cache-and-network",
  });
  const [approve, approving] = useMutation(ApproveCommissionDocument);
  const [cancel, cancellation] = useMutation(CancelCommissionDocument);
  useEffect(() => {
    document.title = "Affiliates – Commissions";
  }, []);
  const setFilter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const more = async (after: string) => {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after },
        updateQuery: (shown, { fetchMoreResult }) => ({
          ...shown,
          affiliateCommissions: appendPage(shown.affiliateCommissions, fetchMoreResult.affiliateCommissions),
        }),
      });
    } finally {
      setLoadingMore(false);
    }
  };
  const approveEarly = async (commission: CommissionRow) => {
    const result = (await approve({ variables: { commissionId: commission.id } })).data?.approveCommission;
    if (result?.__typename === "CommissionSuccess") {
      setMessage(`The commission of ${formatMoney(commission.amount, commission.currency)} was approved: it can be paid out now.`);
      void refetch();
    } else setMessage(problemOf(result)?.message ?? "Could not approve the commission.");
  };
  const confirmCancel = async () => {
    if (!cancelling) return;
    if (!reason.trim()) {
      setReasonError("Give a reason: the affiliate sees it.");
      return;
    }
    const result = (await cancel({ variables: { commissionId: cancelling.id, reason: reason.trim() } })).data?.cancelCommission;
    if (result?.__typename === "CommissionSuccess") {
      setMessage(`The commission of ${formatMoney(cancelling.amount, cancelling.currency)} was cancelled.`);
      setCancelling(null);
      void refetch();
    } else {
      const problem = problemOf(result);
      if (problem?.field === "reason") setReasonError(problem.message);
      else {
        setMessage(problem?.message ?? "Could not cancel the commission.");
        setCancelling(null);
      }
    }
  };
  return (
    <>
      <h1>Affiliates</h1>
      <AffiliateTabs />
      <div className="filters">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={status ?? ""} onChange={(event) => setFilter("status", event.currentTarget.value || null)}>
            <option value="">All statuses</option>
            {COMMISSION_STATUSES.map((value) => (
              <option key={value} value={value}>
                {COMMISSION_STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        {affiliateId && (
          <p className="hint">
            One affiliate's commissions.{" "}
            <Link to="/admin/affiliates/commissions" onClick={() => setFilter("affiliate", null)}>
              Show every affiliate's
            </Link>
          </p>
        )}
      </div>
      <p role="status" className="hint">
        {message}
      </p>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading commissions…" onRetry={() => void refetch()}>
        {({ affiliateCommissions }) =>
          affiliateCommissions.edges.length === 0 ? (
            <p className="empty-state">No commissions{status ? ` with the status “${COMMISSION_STATUS_LABELS[status]}”` : ""}.</p>
          ) : (
            <>
              <CommissionsTable
                commissions={affiliateCommissions.edges.map((edge) => edge.node)}
                label="Commissions"
                actions={(commission) =>
                  commission.status === "PENDING" || commission.status === "APPROVED" ? (
                    <div className="access-actions">
                      {commission.status === "PENDING" && (
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          disabled={approving.loading}
                          onClick={() => void approveEarly(commission)}
                        >
                          Approve now<span className="visually-hidden"> the commission for {commission.referralLabel}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        onClick={() => {
                          setReason("");
                          setReasonError("");
                          setCancelling(commission);
                        }}
                      >
                        Cancel<span className="visually-hidden"> the commission for {commission.referralLabel}</span>
                      </button>
                    </div>
                  ) : null
                }
              />
              {affiliateCommissions.pageInfo.hasNextPage && affiliateCommissions.pageInfo.endCursor && (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={loadingMore}
                  onClick={() => void more(affiliateCommissions.pageInfo.endCursor!)}
                >
                  {loadingMore ? "Loading…" : "Load more"}
                </button>
              )}
            </>
          )
        }
      </QueryState>
      <ConfirmDialog
        open={cancelling !== null}
        title="Cancel this commission?"
        confirmLabel="Cancel commission"
        danger
        busy={cancellation.loading}
        onCancel={() => setCancelling(null)}
        onConfirm={() => void confirmCancel()}
      >
        {cancelling && (
          <p>
            {formatMoney(cancelling.amount, cancelling.currency)} for {cancelling.referralLabel} will not be paid.
          </p>
        )}
        <TextAreaField
          label="Reason"
          hint="The affiliate sees it in their history."
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
          rows={3}
        />
      </ConfirmDialog>
    </>
  );
}
