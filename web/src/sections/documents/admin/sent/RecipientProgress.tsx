import { Link } from "react-router";
import type { AdminDocumentDetailFragment, RecipientStatus } from "../../../../gql/graphql";
import { formatDateTime } from "../../../../shared/format";
import { isOpen, progressText, RECIPIENT_STATUS_LABELS, ROLE_LABELS } from "../../shared/documentStatus";

const STATUS_CLASS: Record<RecipientStatus, string> = {
  PENDING: "badge-document-sent",
  SIGNED: "badge-document-completed",
  APPROVED: "badge-document-completed",
  DECLINED: "badge-document-declined",
  NOT_REQUIRED: "badge-document-draft",
};

/** Who has viewed, signed or declined, and whose turn it is; live with the page. */
export function RecipientProgress({ document }: { document: AdminDocumentDetailFragment }) {
  const open = isOpen(document.status);
  const sequential = document.signingOrder === "SEQUENTIAL";
  return (
    <section className="card" aria-labelledby="document-progress-title">
      <div className="page-heading">
        <h2 id="document-progress-title">Recipients</h2>
        <p className="hint" data-testid="document-progress" aria-live="polite">
          {progressText(document.recipients)}
        </p>
      </div>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Recipients {sequential ? "in signing order" : ""} and their progress</caption>
          <thead>
            <tr>
              {sequential && <th scope="col">Order</th>}
              <th scope="col">Recipient</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Viewed</th>
              <th scope="col">Signed</th>
            </tr>
          </thead>
          <tbody>
            {document.recipients.map((recipient) => (
              <tr key={recipient.id} data-testid="recipient-progress-row">
                {sequential && <td data-label="Order">{recipient.role === "CC" ? "—" : recipient.order}</td>}
                <th scope="row">
                  {recipient.kind === "CONTACT" && recipient.contact ? (
                    <Link to={`/admin/contacts/${recipient.contact.id}`}>{recipient.name}</Link>
                  ) : (
                    recipient.name
                  )}
                  <div className="hint">
                    {recipient.email}
                    {recipient.kind === "STAFF" ? " · staff" : ""}
                  </div>
                </th>
                <td data-label="Role">{ROLE_LABELS[recipient.role]}</td>
                <td data-label="Status">
                  <span className={`badge ${STATUS_CLASS[recipient.status]}`} data-testid="recipient-status">
                    {RECIPIENT_STATUS_LABELS[recipient.status]}
                  </span>
                  {open && recipient.isTheirTurn && recipient.status === "PENDING" && (
                    <span className="turn-marker" data-testid="their-turn">
                      Their turn
                    </span>
                  )}
                  {recipient.declineReason && (
                    <p className="decline-reason">
                      <span className="visually-hidden">Decline reason: </span>“{recipient.declineReason}”
                    </p>
                  )}
                </td>
                <td data-label="Viewed">{formatDateTime(recipient.viewedAt, "Not yet")}</td>
                <td data-label="Signed">
                  {recipient.declinedAt
                    ? `Declined ${formatDateTime(recipient.declinedAt)}`
                    : recipient.role === "CC"
                      ? "—"
                      : formatDateTime(recipient.signedAt, "Not yet")}
                  {recipient.signatureMethod && (
                    <div className="hint">{recipient.signatureMethod === "DRAWN" ? "Drawn signature" : "Typed signature"}</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
