import { COMMISSION_STATUS_LABELS, type CommissionStatusName } from "./labels";

/** A commission's status as a coloured badge; the text alone carries the meaning. */
export function CommissionStatusBadge({ status }: { status: CommissionStatusName }) {
  return (
    <span className={`badge badge-commission-${status.toLowerCase()}`} data-testid="commission-status">
      {COMMISSION_STATUS_LABELS[status]}
    </span>
  );
}
