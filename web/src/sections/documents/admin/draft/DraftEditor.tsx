import { useMutation } from "@apollo/client/react";
import { useCallback, useEffect, useState } from "react";
import { useBlocker, useNavigate } from "react-router";
import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import { ConfirmDialog } from "../../../../shared/ConfirmDialog";
import { ErrorMessage } from "../../../../shared/ErrorMessage";
import { problemOf, type Problem } from "../../../../shared/results";
import { DeleteDocumentDocument, UpdateDocumentDocument } from "../documentOperations";
import { DocumentSettingsForm, type DocumentSettingsInput } from "../DocumentSettingsForm";
import { DocumentStatusBadge } from "../../shared/documentStatus";
import { dropDocumentLists } from "../useDocumentLive";
import { FieldEditor } from "./FieldEditor";
import { PdfUpload } from "./PdfUpload";
import { RecipientsEditor } from "./RecipientsEditor";
import { SendPanel } from "./SendPanel";

type Part = "details" | "recipients" | "fields";

/** The draft editor: details, PDF, recipients, fields, then send; each part saves on its own. */
export function DraftEditor({ document }: { document: AdminDocumentDetailFragment }) {
  const navigate = useNavigate();
  const [dirtyParts, setDirtyParts] = useState<Record<Part, boolean>>({ details: false, recipients: false, fields: false });
  const markDirty = useCallback(
    (part: Part) => (dirty: boolean) => setDirtyParts((current) => (current[part] === dirty ? current : { ...current, [part]: dirty })),
    [],
  );
  const [onDetailsDirty] = useState(() => markDirty("details"));
  const [onRecipientsDirty] = useState(() => markDirty("recipients"));
  const [onFieldsDirty] = useState(() => markDirty("fields"));
  const unsaved = dirtyParts.details || dirtyParts.recipients || dirtyParts.fields;
  const [sendProblem, setSendProblem] = useState<Problem | null>(null);
  const [detailsProblem, setDetailsProblem] = useState<Problem | null>(null);
  const [detailsNotice, setDetailsNotice] = useState("");
  const [updateDocument, updating] = useMutation(UpdateDocumentDocument, { update: (cache) => dropDocumentLists(cache) });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteDocument, deleting] = useMutation(DeleteDocumentDocument, { update: (cache) => dropDocumentLists(cache) });
  const [deleteProblem, setDeleteProblem] = useState<Problem | null>(null);
  const [leaving, setLeaving] = useState(false);

  // Leaving with unsaved edits asks first (in-app navigation and closing the tab alike).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && !leaving && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  const saveDetails = async (input: DocumentSettingsInput) => {
    setDetailsNotice("");
    const result = (await updateDocument({ variables: { id: document.id, input } })).data?.updateDocument;
    if (!result) return false;
    setDetailsProblem(problemOf(result));
    if (result.__typename !== "DocumentSuccess") return false;
    setDetailsNotice("Details saved.");
    return true;
  };

  const onDelete = async () => {
    const result = (await deleteDocument({ variables: { id: document.id } })).data?.deleteDocument;
    setConfirmingDelete(false);
    if (!result) return;
    const problem = problemOf(result);
    setDeleteProblem(problem);
    if (!problem) {
      setLeaving(true);
      await navigate("/admin/documents", { replace: true, state: { notice: `Draft “${document.title}” deleted.` } });
    }
  };

  return (
    <>
      {/* Mounted only when needed and first, so its title is the one the dialogs' shared id points at. */}
      {blocker.state === "blocked" && (
        <ConfirmDialog
          open
          title="Leave without saving?"
          confirmLabel="Leave without saving"
          danger
          onConfirm={() => blocker.proceed?.()}
          onCancel={() => blocker.reset?.()}
        >
          <p>Your unsaved changes to this draft will be lost.</p>
        </ConfirmDialog>
      )}
      <div className="page-heading">
        <h1>{document.title}</h1>
        <DocumentStatusBadge status={document.status} />
      </div>
      {unsaved && (
        <p className="unsaved-indicator unsaved-banner" role="status">
          This draft has unsaved changes.
        </p>
      )}
      <section className="card" aria-labelledby="document-details-title" id="document-details">
        <h2 id="document-details-title">Details</h2>
        <DocumentSettingsForm
          document={document}
          submitLabel="Save details"
          busyLabel="Saving…"
          busy={updating.loading}
          problem={detailsProblem ?? (sendProblem && ["title", "expiresAt"].includes(sendProblem.field ?? "") ? sendProblem : null)}
          onSubmit={saveDetails}
          onDirtyChange={onDetailsDirty}
        />
        <p aria-live="polite">{detailsNotice && !dirtyParts.details && <span className="outcome">{detailsNotice}</span>}</p>
        {updating.error && <ErrorMessage error={updating.error} />}
      </section>
      <PdfUpload document={document} sendProblem={sendProblem} />
      <RecipientsEditor document={document} sendProblem={sendProblem} onDirtyChange={onRecipientsDirty} />
      <FieldEditor document={document} sendProblem={sendProblem} onDirtyChange={onFieldsDirty} />
      <SendPanel document={document} unsaved={unsaved} onProblem={setSendProblem} />
      <section className="card danger-zone" aria-labelledby="document-delete-title">
        <h2 id="document-delete-title">Delete draft</h2>
        <p className="hint">Deletes the draft, its PDF, recipients and fields. Nobody has been sent anything yet.</p>
        {deleteProblem && (
          <p className="alert alert-error" role="alert">
            {deleteProblem.message}
          </p>
        )}
        {deleting.error && <ErrorMessage error={deleting.error} />}
        <button type="button" className="button button-danger" onClick={() => setConfirmingDelete(true)}>
          Delete draft
        </button>
      </section>
      <ConfirmDialog
        open={confirmingDelete}
        title={`Delete the draft “${document.title}”?`}
        confirmLabel="Delete draft"
        danger
        busy={deleting.loading}
        onConfirm={() => void onDelete()}
        onCancel={() => setConfirmingDelete(false)}
      >
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
