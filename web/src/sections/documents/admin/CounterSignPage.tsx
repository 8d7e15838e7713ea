import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { DeclineForm } from "../shared/DeclineForm";
import { FieldOverlay, type OverlayField } from "../shared/FieldOverlay";
import { PdfPages } from "../shared/PdfPages";
import { focusSigningControl, SigningPanel, type SigningDraft } from "../shared/SigningPanel";
import { graphql } from "../../../gql";
import { BackLink } from "../../../shared/BackLink";
import { QueryState } from "../../../shared/QueryState";
import { DocumentStatusBadge, isOpen } from "../shared/documentStatus";
import { useDocumentLive } from "./useDocumentLive";

const CounterSignDocument = graphql(`
  query AdminCounterSign($id: ID!) {
    document(id: $id) {
      ...AdminDocumentDetail
      ...SigningDocument
    }
  }
`);

const AdminViewDocumentDocument = graphql(`
  mutation AdminViewDocument($id: ID!) {
    viewDocument(id: $id) {
      __typename
      ... on UserError { message }
      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }
    }
  }
`);

/** /admin/documents/:documentId/sign: a staff counter-signer reads the PDF and signs (or declines) in turn. */
export function CounterSignPage() {
  const { documentId = "" } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(CounterSignDocument, { variables: { id: documentId } });
  useDocumentLive(documentId);
  const [viewDocument] = useMutation(AdminViewDocumentDocument);
  const [draft, setDraft] = useState<SigningDraft | null>(null);
  const [declining, setDeclining] = useState(false);
  const document = data?.document;
  const me = document?.myRecipient;
  const canAct = Boolean(document && me && isOpen(document.status) && me.isTheirTurn && me.status === "PENDING");

  // The first view is recorded in the audit trail (once per recipient; the server ignores repeats).
  const viewed = useRef(false);
  useEffect(() => {
    if (!canAct || viewed.current) return;
    viewed.current = true;
    void viewDocument({ variables: { id: documentId } });
  }, [canAct, documentId, viewDocument]);

  const done = (message: string) => void navigate(`/admin/documents/${documentId}`, { state: { notice: message } });

  return (
    <>
      <BackLink to={`/admin/documents/${documentId}`} label="Back to the document" />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ document }) => {
          if (!document) return <h1>Document not found</h1>;
          const mine = document.myRecipient;
          const heading = (
            <div className="page-heading">
              <h1>
                {mine?.role === "APPROVER" ? "Approve" : "Sign"}: {document.title}
              </h1>
              <DocumentStatusBadge status={document.status} />
            </div>
          );
          if (!mine) {
            return (
              <>
                {heading}
                <p className="alert alert-info">You are not a recipient of this document.</p>
              </>
            );
          }
          if (!canAct) {
            return (
              <>
                {heading}
                <p className="alert alert-info" role="status">
                  {whyNot(document.status, mine.status, mine.isTheirTurn)}
                </p>
                <Link to={`/admin/documents/${document.id}`}>Back to the document</Link>
              </>
            );
          }
          const fields: OverlayField[] = document.fields.map((field) => ({
            ...field,
            value: field.recipientId === mine.id ? previewOf(field, draft) : field.value,
          }));
          return (
            <>
              {heading}
              <div className="countersign-layout">
                <div className="countersign-pages">
                  {document.originalPdfUrl && (
                    <PdfPages
                      url={document.originalPdfUrl}
                      label={document.title}
                      overlay={(page) => (
                        <FieldOverlay
                          page={page}
                          fields={fields}
                          tone={(field) =>
                            field.recipientId === mine.id ? (field.value ? "filled" : "mine") : field.value ? "filled" : "other"
                          }
                          onFieldClick={(field) => {
                            if (field.recipientId === mine.id) focusSigningControl(field);
                          }}
                        />
                      )}
                    />
                  )}
                </div>
                <div className="countersign-panel">
                  {declining ? (
                    <DeclineForm
                      documentId={document.id}
                      onCancel={() => setDeclining(false)}
                      onDeclined={() => done("You declined the document.")}
                    />
                  ) : (
                    <>
                      <SigningPanel
                        document={document}
                        onDraftChange={setDraft}
                        onSigned={() => done(mine.role === "APPROVER" ? "You approved the document." : "You signed the document.")}
                      />
                      <button type="button" className="button button-secondary" onClick={() => setDeclining(true)}>
                        Decline to sign
                      </button>
                    </>
                  )}
                </div>
              </div>
            </>
          );
        }}
      </QueryState>
    </>
  );
}

function previewOf(field: OverlayField, draft: SigningDraft | null): string | null {
  if (!draft) return null;
  if (field.kind === "TEXT") return draft.fieldValues[field.id] || null;
  if (field.kind === "INITIALS") return draft.initials || null;
  if (field.kind === "SIGNATURE" && draft.signature?.method === "TYPED") return draft.signature.typedName;
  if (field.kind === "SIGNATURE" && draft.signature?.method === "DRAWN") return "Signature";
  return null;
}

function whyNot(status: string, myStatus: string, myTurn: boolean): string {
  if (myStatus === "SIGNED") return "You have signed this document.";
  if (myStatus === "APPROVED") return "You have approved this document.";
  if (myStatus === "DECLINED") return "You declined this document.";
  if (status === "COMPLETED") return "Everyone has signed this document.";
  if (status === "VOIDED") return "This document was voided.";
  if (status === "EXPIRED") return "This document has expired.";
  if (status === "DECLINED") return "This document was declined.";
  if (status === "DRAFT") return "This document has not been sent yet.";
  if (!myTurn) return "It is not your turn yet: you will get an email when it is.";
  return "You cannot sign this document now.";
}
