import type { ReactNode } from "react";
import { Link } from "react-router";
import type { CommissionFieldsFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { CommissionStatusBadge } from "./CommissionStatusBadge";
import { commissionWhen } from "./labels";
import { formatMoney } from "./money";

export type CommissionRow = CommissionFieldsFragment & { affiliate?: { id: string; name: string } };

/** Commission history: earned when, for whom, how much, its status and when it is payable. */
export function CommissionsTable({
  commissions,
  label,
  actions,
}: {
  commissions: CommissionRow[];
  label: string;
  actions?: (commission: CommissionRow) => ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label} data-testid="commissions">
        <thead>
          <tr>
            <th scope="col">Earned</th>
            {commissions.some((row) => row.affiliate) && <th scope="col">Affiliate</th>}
            <th scope="col">Referral</th>
            <th scope="col" className="aff-amount">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Payable</th>
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {commissions.map((commission) => (
            <tr key={commission.id} data-testid="commission">
              <td data-label="Earned">{formatDateTime(commission.createdAt)}</td>
              {commission.affiliate && (
                <td data-label="Affiliate">
                  <Link to={`/admin/affiliates/${commission.affiliate.id}`}>{commission.affiliate.name}</Link>
                </td>
              )}
              <td data-label="Referral">
                {commission.referralLabel}
                {commission.kind === "ADJUSTMENT" && <span className="hint"> (refund adjustment)</span>}
              </td>
              <td data-label="Amount" className="aff-amount">
                {formatMoney(commission.amount, commission.currency)}
                <span className="hint"> of {formatMoney(commission.baseAmount, commission.currency)}</span>
              </td>
              <td data-label="Status">
                <CommissionStatusBadge status={commission.status} />
              </td>
              <td data-label="Payable">{commissionWhen(commission)}</td>
              {actions && <td>{actions(commission)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
