import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useParams } from "react-router";
import { DeclineForm } from "../shared/DeclineForm";
import { formatDate, joinNames, DocumentStatusBadge, recipientProgressLabel, ROLE_LABELS } from "../shared/documentStatus";
import { FieldOverlay, fieldName, type OverlayField } from "../shared/FieldOverlay";
import { PdfPages } from "../shared/PdfPages";
import { focusSigningControl, SigningPanel, type SigningDraft } from "../shared/SigningPanel";
import { graphql } from "../../../gql";
import type { PortalDocumentDetailFragment } from "../../../gql/graphql";
import { BackLink } from "../../../shared/BackLink";
import { usePortalBusiness } from "../../../shared/branding";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { useDocumentLive } from "./useDocumentLive";

const ClientDocumentDocument = graphql(`
  query ClientDocument($id: ID!) {
    document(id: $id) { ...PortalDocumentDetail }
  }
`);

const PortalViewDocumentDocument = graphql(`
  mutation PortalViewDocument($id: ID!) {
    viewDocument(id: $id) {
      __typename
      ... on DocumentSuccess { document { id recipients { id viewedAt } myRecipient { id viewedAt } } }
    }
  }
`);

/** One document for the client: status, who has signed, the PDF, and signing or declining when it is their turn. */
export function ClientDocumentPage() {
  const { documentId = "" } = useParams();
  const { live } = useDocumentLive(documentId);
  const { data, loading, error, refetch } = useQuery(ClientDocumentDocument, { variables: { id: documentId } });
  return (
    <>
      <BackLink to="/documents" label="Back to documents" />
      {!live && (
        <p className="hint" role="status">
          Live updates are paused; trying again shortly.
        </p>
      )}
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ document: doc }) =>
          !doc ? (
            <>
              <h1>Document not found</h1>
              <p className="empty-state">This document does not exist or was not shared with you.</p>
            </>
          ) : (
            <ClientDocument document={doc} />
          )
        }
      </QueryState>
    </>
  );
}

type Mode = "idle" | "signing" | "declining";
type Outcome = "SIGNED" | "APPROVED" | "DECLINED";

function ClientDocument({ document: doc }: { document: PortalDocumentDetailFragment }) {
  const business = usePortalBusiness();
  const me = doc.myRecipient;
  const open = doc.status === "SENT" || doc.status === "PARTIALLY_SIGNED";
  const canAct = Boolean(open && me && me.role !== "CC" && me.status === "PENDING" && me.isTheirTurn);
  const [mode, setMode] = useState<Mode>("idle");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [draft, setDraft] = useState<SigningDraft | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  // Opening the document counts as viewing it (the server records the first view only).
  const [view] = useMutation(PortalViewDocumentDocument);
  const viewed = useRef<string | null>(null);
  useEffect(() => {
    if (!me || doc.status === "DRAFT" || viewed.current === doc.id) return;
    viewed.current = doc.id;
    void view({ variables: { id: doc.id } });
  }, [doc.id, doc.status, me, view]);

  // Someone else acting (live) can end this recipient's turn while a form is open.
  useEffect(() => {
    if (!canAct && mode !== "idle") setMode("idle");
  }, [canAct, mode]);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const startSigning = (field?: OverlayField) => {
    setMode("signing");
    if (field) window.setTimeout(() => focusSigningControl(field), 50);
  };

  const myFields = doc.fields.filter((field) => field.recipientId === me?.id);
  const signedPdf = doc.status === "COMPLETED" && doc.signedPdfUrl;
  const pdfUrl = signedPdf ? doc.signedPdfUrl : doc.originalPdfUrl;
  const verb = me?.role === "APPROVER" ? "approve" : "sign";

  return (
    <>
      <div className="page-heading document-heading">
        <h1>{doc.title}</h1>
        <DocumentStatusBadge status={doc.status} />
      </div>
      <p className="hint document-meta">
        Sent by {doc.sentByName ?? business.branding.displayName}
        {doc.sentAt && (
          <>
            {" "}
            on <time dateTime={doc.sentAt}>{formatDate(doc.sentAt)}</time>
          </>
        )}
        {open && doc.expiresAt && (
          <>
            {" "}
            · Sign by <time dateTime={doc.expiresAt}>{formatDateTime(doc.expiresAt)}</time>
          </>
        )}
      </p>
      {doc.message && (
        <blockquote className="document-message" aria-label="Message from the sender">
          {doc.message}
        </blockquote>
      )}
      {outcome && (
        <div
          ref={outcomeRef}
          tabIndex={-1}
          className={`alert ${outcome === "DECLINED" ? "alert-info" : "alert-success"}`}
          role="status"
          data-testid="signing-outcome"
        >
          <p>{outcomeMessage(outcome, doc)}</p>
        </div>
      )}

      <div className="document-layout">
        {/* The PDF comes first in reading order (and first on narrow screens): read it, then act. */}
        <div className="document-viewer">
          {!signedPdf && myFields.length > 0 && open && me?.status === "PENDING" && (
            <p className="hint field-legend">
              <span className="field-legend-swatch" aria-hidden="true" /> Your fields are highlighted on the pages
              {canAct && "; select one to start signing"}.
            </p>
          )}
          {pdfUrl ? (
            <PdfPages
              key={pdfUrl}
              url={pdfUrl}
              label={signedPdf ? `${doc.title} (signed PDF)` : doc.title}
              overlay={
                signedPdf
                  ? undefined
                  : (page) => (
                      <FieldOverlay
                        page={page}
                        fields={doc.fields.filter((field) => field.recipientId === me?.id || field.value)}
                        tone={(field) => (field.recipientId === me?.id && !field.value ? "mine" : "filled")}
                        content={(field) => fieldContent(field, me?.id, draft)}
                        describe={(field) => describeField(field, doc, me?.id)}
                        onFieldClick={canAct ? startSigning : undefined}
                        clickable={(field) => field.recipientId === me?.id && !field.value}
                      />
                    )
              }
            />
          ) : (
            <p className="empty-state">The PDF is not available.</p>
          )}
        </div>

        <div className="document-side">
          {canAct && mode === "signing" ? (
            <SigningPanel
              document={doc}
              focusOnOpen
              onSigned={(signed) => {
                setMode("idle");
                setDraft(null);
                setOutcome(signed.myRecipient?.role === "APPROVER" ? "APPROVED" : "SIGNED");
              }}
              onCancel={() => {
                setMode("idle");
                setDraft(null);
              }}
              onDraftChange={setDraft}
            />
          ) : canAct && mode === "declining" ? (
            <DeclineForm
              documentId={doc.id}
              onDeclined={() => {
                setMode("idle");
                setOutcome("DECLINED");
              }}
              onCancel={() => setMode("idle")}
            />
          ) : (
            <section className="card document-action" aria-labelledby="document-action-title" data-testid="document-action">
              <YourPart document={doc} canAct={canAct} verb={verb} onSign={() => startSigning()} onDecline={() => setMode("declining")} />
            </section>
          )}

          <section className="card" aria-labelledby="document-downloads-title">
            <h2 id="document-downloads-title">Download</h2>
            <ul className="download-links" aria-label="Downloads">
              {doc.status === "COMPLETED" && doc.signedPdfUrl ? (
                <li>
                  <a className="button" href={doc.signedPdfUrl} download data-testid="download-signed">
                    Download signed PDF
                  </a>
                </li>
              ) : doc.originalPdfUrl ? (
                <li>
                  <a className="button button-secondary" href={doc.originalPdfUrl} download data-testid="download-original">
                    Download PDF
                  </a>
                </li>
              ) : (
                <li className="hint">No PDF to download.</li>
              )}
            </ul>
            {doc.status !== "COMPLETED" && open && <p className="hint">The signed PDF is available here once everyone has signed.</p>}
          </section>

          <RecipientsProgress document={doc} />
        </div>
      </div>
    </>
  );
}

function outcomeMessage(outcome: Outcome, doc: PortalDocumentDetailFragment): string {
  if (outcome === "DECLINED") return "You declined this document. The sender has been told.";
  const did = outcome === "APPROVED" ? "approved" : "signed";
  if (doc.status === "COMPLETED") return `You ${did} this document. Everyone has signed: the signed PDF is ready to download.`;
  return `You ${did} this document. We'll email you the signed copy once everyone has signed.`;
}

interface YourPartProps {
  document: PortalDocumentDetailFragment;
  canAct: boolean;
  verb: "sign" | "approve";
  onSign: () => void;
  onDecline: () => void;
}

/** What this client can do or is waiting for, by the document's status and their turn. */
function YourPart({ document: doc, canAct, verb, onSign, onDecline }: YourPartProps) {
  const me = doc.myRecipient;
  const waitingFor = doc.recipients.filter((r) => r.isTheirTurn && r.status === "PENDING" && r.id !== me?.id).map((r) => r.name);
  const decliner = doc.recipients.find((r) => r.status === "DECLINED");
  let title = "Status";
  let body: ReactNode = null;
  if (canAct) {
    title = verb === "approve" ? "Your approval is requested" : "Your signature is requested";
    body = (
      <>
        <p>Read the document, then {verb} it. You can also decline, with a reason.</p>
        <div className="actions">
          <button type="button" className="button" onClick={onSign}>
            {verb === "approve" ? "Approve" : "Sign"}
          </button>
          <button type="button" className="button button-secondary" onClick={onDecline}>
            Decline
          </button>
        </div>
      </>
    );
  } else if (doc.status === "SENT" || doc.status === "PARTIALLY_SIGNED") {
    if (me?.status === "PENDING" && me.role !== "CC") {
      title = "Not your turn yet";
      body = (
        <p data-testid="waiting-message">
          {waitingFor.length > 0 ? `Waiting for ${joinNames(waitingFor)} to sign first.` : "Waiting for others to sign first."} We'll email
          you when it's your turn.
        </p>
      );
    } else if (me?.status === "SIGNED" || me?.status === "APPROVED") {
      title = me.status === "APPROVED" ? "You approved" : "You signed";
      body = (
        <p data-testid="waiting-message">
          {me.status === "APPROVED" ? "You approved" : "You signed"}
          {me.signedAt && (
            <>
              {" "}
              on <time dateTime={me.signedAt}>{formatDateTime(me.signedAt)}</time>
            </>
          )}
          . {waitingFor.length > 0 ? `Waiting for ${joinNames(waitingFor)} to sign.` : "Waiting for the others to sign."}
        </p>
      );
    } else {
      title = "For your information";
      body = <p>You receive a copy of this document. It is not signed by everyone yet.</p>;
    }
  } else if (doc.status === "COMPLETED") {
    title = "Signed by everyone";
    body = (
      <p>
        Completed
        {doc.completedAt && (
          <>
            {" "}
            on <time dateTime={doc.completedAt}>{formatDateTime(doc.completedAt)}</time>
          </>
        )}
        . Download the signed PDF below.
      </p>
    );
  } else if (doc.status === "DECLINED") {
    title = "Declined";
    body = (
      <>
        <p>
          {decliner ? (decliner.id === me?.id ? "You declined" : `${decliner.name} declined`) : "Declined"}
          {doc.declinedAt && (
            <>
              {" "}
              on <time dateTime={doc.declinedAt}>{formatDateTime(doc.declinedAt)}</time>
            </>
          )}
          . It can no longer be signed.
        </p>
        {decliner?.declineReason && <p className="document-reason">Reason: {decliner.declineReason}</p>}
      </>
    );
  } else if (doc.status === "VOIDED") {
    title = "Voided";
    body = (
      <>
        <p>
          The sender voided this document
          {doc.voidedAt && (
            <>
              {" "}
              on <time dateTime={doc.voidedAt}>{formatDateTime(doc.voidedAt)}</time>
            </>
          )}
          . It can no longer be signed.
        </p>
        {doc.voidReason && <p className="document-reason">Reason: {doc.voidReason}</p>}
      </>
    );
  } else if (doc.status === "EXPIRED") {
    title = "Expired";
    body = (
      <p>
        This document expired
        {doc.expiresAt && (
          <>
            {" "}
            on <time dateTime={doc.expiresAt}>{formatDateTime(doc.expiresAt)}</time>
          </>
        )}{" "}
        before everyone signed. It can no longer be signed.
      </p>
    );
  }
  return (
    <>
      <h2 id="document-action-title">{title}</h2>
      {body}
    </>
  );
}

/** Who takes part, in signing order, and where each one is. */
function RecipientsProgress({ document: doc }: { document: PortalDocumentDetailFragment }) {
  const me = doc.myRecipient;
  const sequential = doc.signingOrder === "SEQUENTIAL";
  return (
    <section className="card" aria-labelledby="document-recipients-title">
      <h2 id="document-recipients-title">Recipients</h2>
      {sequential && <p className="hint">Signing in order.</p>}
      <ol className="recipient-progress" data-testid="recipients">
        {doc.recipients.map((recipient) => {
          const mine = recipient.id === me?.id;
          const progress =
            mine && recipient.status === "PENDING" && recipient.isTheirTurn ? "Your turn" : recipientProgressLabel(recipient);
          return (
            <li key={recipient.id} className="progress-row" data-testid="recipient" data-recipient-status={recipient.status}>
              {sequential && (
                <span className="progress-order">
                  <span className="visually-hidden">Step </span>
                  {recipient.order}
                  <span className="visually-hidden">:</span>
                </span>
              )}
              <span className="progress-who">
                <span className="progress-name">
                  {recipient.name}
                  {mine && " (you)"}
                </span>
                <span className="hint">{ROLE_LABELS[recipient.role]}</span>
              </span>
              <span className={`progress-status progress-status-${progress.toLowerCase().replace(/ /g, "-")}`}>
                {progress}
                {(recipient.signedAt || recipient.declinedAt) && (
                  <span className="hint progress-when">{formatDate(recipient.signedAt ?? recipient.declinedAt)}</span>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What a field box shows: the draft while signing, the value once signed, else a prompt. */
function fieldContent(field: OverlayField, myId: string | undefined, draft: SigningDraft | null): ReactNode {
  if (field.value) return field.value;
  if (field.recipientId !== myId) return fieldName(field);
  switch (field.kind) {
    case "TEXT":
      return draft?.fieldValues[field.id]?.trim() || fieldName(field);
    case "INITIALS":
      return draft?.initials.trim() || fieldName(field);
    case "SIGNATURE":
      if (draft?.signature?.method === "TYPED") return draft.signature.typedName;
      if (draft?.signature?.method === "DRAWN") return <img alt="" src={`data:image/png;base64,${draft.signature.drawnPng}`} />;
      return field.label?.trim() || "Sign here";
    case "DATE_SIGNED":
      // As the server fills it in: the signing day (UTC), YYYY-MM-DD.
      return draft ? new Date().toISOString().slice(0, 10) : fieldName(field);
  }
}

function describeField(field: OverlayField, doc: PortalDocumentDetailFragment, myId: string | undefined): string {
  if (field.recipientId === myId && !field.value)
    return `Your ${fieldName(field)} field, page ${field.page}${field.required ? ", required" : ""}`;
  const owner = doc.recipients.find((r) => r.id === field.recipientId)?.name ?? "Another recipient";
  return `${fieldName(field)} by ${field.recipientId === myId ? "you" : owner}`;
}
