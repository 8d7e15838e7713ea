import { useMutation } from "@apollo/client/react";
import { useId, useState } from "react";
import { Link } from "react-router";
import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import { ConfirmDialog } from "../../../../shared/ConfirmDialog";
import { ErrorMessage } from "../../../../shared/ErrorMessage";
import { problemOf } from "../../../../shared/results";
import { RemindDocumentDocument, VoidDocumentDocument } from "../documentOperations";
import { isOpen } from "../../shared/documentStatus";
import { dropDocumentLists } from "../useDocumentLive";

/** `status` is the document's status right after the action: the message goes once it moves on. */
type Outcome = { ok: boolean; message: string; status: string } | null;

/** Sign (when it is the staff member's own turn), Remind and Void (confirmed, with a reason) while open. */
export function DocumentActions({ document }: { document: AdminDocumentDetailFragment }) {
  const id = useId();
  const [latest, setOutcome] = useState<Outcome>(null);
  const outcome = latest && latest.status === document.status ? latest : null;
  const [confirmingVoid, setConfirmingVoid] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState("");
  const [remind, reminding] = useMutation(RemindDocumentDocument);
  const [voidDocument, voiding] = useMutation(VoidDocumentDocument, { update: (cache) => dropDocumentLists(cache) });
  const open = isOpen(document.status);
  const mine = document.myRecipient;
  const myTurn = open && mine && mine.isTheirTurn && mine.status === "PENDING";
  const waiting = document.recipients.filter((r) => r.isTheirTurn && r.status === "PENDING");

  const onRemind = async () => {
    setOutcome(null);
    const result = (await remind({ variables: { id: document.id } })).data?.remindDocument;
    if (!result) return;
    const problem = problemOf(result);
    const names = waiting.map((r) => r.name).join(", ");
    setOutcome(
      problem
        ? { ok: false, message: problem.message, status: document.status }
        : { ok: true, message: names ? `Reminder sent to ${names}.` : "Reminder sent.", status: document.status },
    );
  };
  const onVoid = async () => {
    if (!reason.trim()) {
      setReasonError("Enter a reason: recipients and the audit trail show it.");
      return;
    }
    setOutcome(null);
    const result = (await voidDocument({ variables: { id: document.id, reason: reason.trim() } })).data?.voidDocument;
    if (!result) return;
    const problem = problemOf(result);
    if (problem?.field === "reason") {
      setReasonError(problem.message);
      return;
    }
    setConfirmingVoid(false);
    setOutcome(
      problem
        ? { ok: false, message: problem.message, status: document.status }
        : { ok: true, message: "Document voided. Nobody can sign it any more.", status: "VOIDED" },
    );
  };

  if (!open && !outcome) return null;
  return (
    <div className="document-actions">
      <div className="actions">
        {myTurn && (
          <Link to={`/admin/documents/${document.id}/sign`} className="button">
            {mine.role === "APPROVER" ? "Review and approve" : "Sign now"}
          </Link>
        )}
        {open && (
          <button type="button" className="button button-secondary" disabled={reminding.loading} onClick={() => void onRemind()}>
            {reminding.loading ? "Sending reminder…" : "Remind"}
          </button>
        )}
        {open && (
          <button
            type="button"
            className="button button-danger"
            onClick={() => {
              setReasonError("");
              setConfirmingVoid(true);
            }}
          >
            Void document
          </button>
        )}
      </div>
      <div aria-live="polite">
        {outcome?.ok && (
          <p className="alert alert-success" role="status">
            {outcome.message}
          </p>
        )}
      </div>
      {outcome && !outcome.ok && (
        <p className="alert alert-error" role="alert">
          {outcome.message}
        </p>
      )}
      {reminding.error && <ErrorMessage error={reminding.error} />}
      {voiding.error && <ErrorMessage error={voiding.error} />}
      <ConfirmDialog
        open={confirmingVoid}
        title={`Void “${document.title}”?`}
        confirmLabel="Void document"
        danger
        busy={voiding.loading}
        onConfirm={() => void onVoid()}
        onCancel={() => setConfirmingVoid(false)}
      >
        <p>Nobody can sign it any more and recipients see it as voided. This cannot be undone.</p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={1000}
            value={reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setReasonError("");
            }}
          />
          {reasonError && (
            <p id={`${id}-reason-error`} className="field-error" role="alert">
              {reasonError}
            </p>
          )}
        </div>
      </ConfirmDialog>
    </div>
  );
}
