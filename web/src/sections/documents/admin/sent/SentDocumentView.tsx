import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import { formatDateTime } from "../../../../shared/format";
import { DocumentStatusBadge } from "../../shared/documentStatus";
import { AuditTrail } from "./AuditTrail";
import { DocumentActions } from "./DocumentActions";
import { RecipientProgress } from "./RecipientProgress";

/** A sent document: status, progress per recipient (live), actions, downloads and the audit trail. */
export function SentDocumentView({ document, liveMessage }: { document: AdminDocumentDetailFragment; liveMessage: string }) {
  return (
    <>
      <div className="page-heading">
        <h1>{document.title}</h1>
        <DocumentStatusBadge status={document.status} />
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="document-live-message">
        {liveMessage}
      </p>
      <DocumentActions document={document} />
      <section className="card" aria-labelledby="document-summary-title">
        <h2 id="document-summary-title">Details</h2>
        <dl className="details">
          <dt>Status</dt>
          <dd>
            <DocumentStatusBadge status={document.status} />
          </dd>
          <dt>Signing order</dt>
          <dd>{document.signingOrder === "SEQUENTIAL" ? "In sequence" : "All at once"}</dd>
          {document.sentBy && (
            <>
              <dt>Sent by</dt>
              <dd>{document.sentBy.name}</dd>
            </>
          )}
          <dt>Sent</dt>
          <dd>{formatDateTime(document.sentAt)}</dd>
          {document.expiresAt && (
            <>
              <dt>{document.status === "EXPIRED" ? "Expired" : "Expires"}</dt>
              <dd>{formatDateTime(document.expiresAt)}</dd>
            </>
          )}
          {document.reminderIntervalDays != null && (
            <>
              <dt>Reminders</dt>
              <dd>Every {document.reminderIntervalDays === 1 ? "day" : `${document.reminderIntervalDays} days`} until signed</dd>
            </>
          )}
          {document.completedAt && (
            <>
              <dt>Signed</dt>
              <dd>{formatDateTime(document.completedAt)}</dd>
            </>
          )}
          {document.declinedAt && (
            <>
              <dt>Declined</dt>
              <dd>{formatDateTime(document.declinedAt)}</dd>
            </>
          )}
          {document.voidedAt && (
            <>
              <dt>Voided</dt>
              <dd>{formatDateTime(document.voidedAt)}</dd>
            </>
          )}
          {document.voidReason && (
            <>
              <dt>Void reason</dt>
              <dd className="invoice-notes">{document.voidReason}</dd>
            </>
          )}
          {document.message && (
            <>
              <dt>Message</dt>
              <dd className="invoice-notes">{document.message}</dd>
            </>
          )}
          {document.fileName && (
            <>
              <dt>File</dt>
              <dd>
                {document.fileName} ({document.pageCount === 1 ? "1 page" : `${document.pageCount} pages`})
              </dd>
            </>
          )}
          {document.originalSha256 && (
            <>
              <dt>Original SHA-256</dt>
              <dd>
                <code className="hash">{document.originalSha256}</code>
              </dd>
            </>
          )}
          {document.finalSha256 && (
            <>
              <dt>Signed PDF SHA-256</dt>
              <dd>
                <code className="hash">{document.finalSha256}</code>
              </dd>
            </>
          )}
        </dl>
        <ul className="download-links" aria-label="Downloads">
          {document.originalPdfUrl && (
            <li>
              <a href={document.originalPdfUrl} download>
                Download original PDF
              </a>
            </li>
          )}
          {document.status === "COMPLETED" && document.signedPdfUrl && (
            <li>
              <a href={document.signedPdfUrl} download data-testid="signed-pdf-link">
                Download signed PDF
              </a>
            </li>
          )}
        </ul>
      </section>
      <RecipientProgress document={document} />
      <AuditTrail document={document} />
    </>
  );
}
