import type { ReactNode } from "react";
import type { ReferralLinkFieldsFragment } from "../../../gql/graphql";
import { CopyButton } from "../../../shared/CopyButton";
import { formatAmounts } from "./money";

/** Each referral link with its own figures and a copy button; `actions` adds per-link buttons (staff). */
export function LinksTable({
  links,
  label,
  actions,
}: {
  links: ReferralLinkFieldsFragment[];
  label: string;
  actions?: (link: ReferralLinkFieldsFragment) => ReactNode;
}) {
  if (links.length === 0) return <p className="empty-state">No links yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table" aria-label={label} data-testid="referral-links">
        <thead>
          <tr>
            <th scope="col">Link</th>
            <th scope="col">Lands on</th>
            <th scope="col" className="aff-amount">
              Clicks
            </th>
            <th scope="col" className="aff-amount">
              Referrals
            </th>
            <th scope="col" className="aff-amount">
              Conversions
            </th>
            <th scope="col" className="aff-amount">
              Earnings
            </th>
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {links.map((link) => (
            <tr key={link.id} data-testid="referral-link">
              <th scope="row">
                <code className="aff-link-url">{link.url}</code>
                {link.isDefault && <span className="hint">Your main link · </span>}
                <CopyButton text={link.url} label={link.isDefault ? "Copy main link" : `Copy link ${link.code}`} />
              </th>
              <td data-label="Lands on">
                <span className="aff-link-url">{link.landingUrl}</span>
              </td>
              <td data-label="Clicks" className="aff-amount">
                {link.clicks}
              </td>
              <td data-label="Referrals" className="aff-amount">
                {link.referrals}
              </td>
              <td data-label="Conversions" className="aff-amount">
                {link.conversions}
              </td>
              <td data-label="Earnings" className="aff-amount">
                {formatAmounts(link.earnings)}
              </td>
              {actions && <td>{actions(link)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
