import { Link } from "react-router";
import type { AdminDocumentListItemFragment } from "../../../gql/graphql";
import { formatDateTime } from "../../../shared/format";
import { DocumentStatusBadge, progressText } from "../shared/documentStatus";

export function DocumentsTable({ documents }: { documents: AdminDocumentListItemFragment[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Documents, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Recipients</th>
            <th scope="col">Status</th>
            <th scope="col">Sent</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} data-testid={`document-row-${document.id}`}>
              <th scope="row">
                <Link to={`/admin/documents/${document.id}`}>{document.title}</Link>
              </th>
              <td data-label="Recipients">{document.recipients.length === 0 ? "—" : document.recipients.map((r) => r.name).join(", ")}</td>
              <td data-label="Status">
                <DocumentStatusBadge status={document.status} />
              </td>
              <td data-label="Sent">{formatDateTime(document.sentAt, "Not sent")}</td>
              <td data-label="Progress" data-testid="document-progress">
                {document.status === "DRAFT" ? "—" : progressText(document.recipients)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
