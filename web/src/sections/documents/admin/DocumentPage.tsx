import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { useLocation, useParams } from "react-router";
import type { AdminDocumentDetailFragment } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { AdminDocumentDocument } from "./documentOperations";
import { documentStatusLabel } from "../shared/documentStatus";
import { DraftEditor } from "./draft/DraftEditor";
import { SentDocumentView } from "./sent/SentDocumentView";
import { useDocumentLive, type DocumentLiveEvent } from "./useDocumentLive";

/** /admin/documents/:documentId: the editor for a draft, progress and audit trail once sent; live. */
export function DocumentPage() {
  const { documentId = "" } = useParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch } = useQuery(AdminDocumentDocument, { variables: { id: documentId } });
  const [liveMessage, setLiveMessage] = useState("");
  const { live } = useDocumentLive(documentId, (event) => {
    const document = data?.document;
    if (document) setLiveMessage(describeChange(event, document));
  });
  return (
    <>
      <BackLink to="/admin/documents" label="Back to documents" />
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <div aria-live="polite">
        {notice && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ document }) =>
          !document ? (
            <h1>Document not found</h1>
          ) : document.status === "DRAFT" ? (
            <DraftEditor key={document.id} document={document} />
          ) : (
            <SentDocumentView document={document} liveMessage={liveMessage} />
          )
        }
      </QueryState>
    </>
  );
}

/** A sentence for screen readers when someone acts on the document while it is open. */
function describeChange(event: DocumentLiveEvent, document: AdminDocumentDetailFragment): string {
  const who = document.recipients.find((r) => r.id === event.recipientId)?.name ?? "A recipient";
  switch (event.change) {
    case "VIEWED":
      return `${who} viewed the document.`;
    case "SIGNED":
      return `${who} signed.`;
    case "APPROVED":
      return `${who} approved.`;
    case "DECLINED":
      return `${who} declined.`;
    case "COMPLETED":
      return "Everyone has signed: the document is signed.";
    case "VOIDED":
      return "The document was voided.";
    case "EXPIRED":
      return "The document expired.";
    case "SENT":
      return "The document was sent.";
    case "REMINDED":
      return "A reminder was sent.";
    default:
      return `Status: ${documentStatusLabel(document.status)}.`;
  }
}
