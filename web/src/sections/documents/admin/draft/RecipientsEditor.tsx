import { useMutation } from "@apollo/client/react";
import { useEffect, useState } from "react";
import type { AdminDocumentDetailFragment, PortalAccessStatus, RecipientRole } from "../../../../gql/graphql";
import { ErrorMessage } from "../../../../shared/ErrorMessage";
import { problemOf, type Problem } from "../../../../shared/results";
import { SetDocumentRecipientsDocument } from "../documentOperations";
import { ROLE_LABELS } from "../../shared/documentStatus";
import { ACCESS_REMOVED_NOTE, RecipientSearch, type PersonOption } from "./RecipientSearch";

interface RecipientDraft {
  kind: "CONTACT" | "STAFF";
  personId: string;
  name: string;
  email: string;
  role: RecipientRole;
  accessStatus?: PortalAccessStatus;
}

const ROLES: RecipientRole[] = ["SIGNER", "APPROVER", "CC"];
const ROLE_HINTS: Record<RecipientRole, string> = {
  SIGNER: "Signs in the fields you place",
  APPROVER: "Approves without fields",
  CC: "Nothing to sign or approve; gets the signed copy",
};

function draftsOf(document: AdminDocumentDetailFragment): RecipientDraft[] {
  return document.recipients.map((recipient) => ({
    kind: recipient.kind,
    personId: (recipient.kind === "STAFF" ? recipient.staff?.id : recipient.contact?.id) ?? "",
    name: recipient.name,
    email: recipient.email,
    role: recipient.role,
    accessStatus: recipient.contact?.access.status,
  }));
}

const keyOf = (recipients: RecipientDraft[]) => JSON.stringify(recipients.map((r) => [r.kind, r.personId, r.role]));

interface RecipientsEditorProps {
  document: AdminDocumentDetailFragment;
  /** A send refusal about recipients, shown here. */
  sendProblem: Problem | null;
  onDirtyChange: (dirty: boolean) => void;
}

/** Who receives the document, their role and (in sequence) their order; saved as a whole. */
export function RecipientsEditor({ document, sendProblem, onDirtyChange }: RecipientsEditorProps) {
  const saved = draftsOf(document);
  const savedKey = keyOf(saved);
  const [recipients, setRecipients] = useState<RecipientDraft[]>(saved);
  const [baseline, setBaseline] = useState(savedKey);
  const dirty = keyOf(recipients) !== baseline;
  // Someone else's save (or ours) becomes the baseline when nothing is being edited here.
  useEffect(() => {
    if (keyOf(recipients) === savedKey) setBaseline(savedKey);
    else if (!dirty && savedKey !== baseline) {
      setRecipients(draftsOf(document));
      setBaseline(savedKey);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedKey]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState("");
  const [save, saving] = useMutation(SetDocumentRecipientsDocument);
  const sequential = document.signingOrder === "SEQUENTIAL";

  const change = (next: RecipientDraft[]) => {
    setNotice("");
    setProblem(null);
    setRecipients(next);
  };
  const add = (kind: "CONTACT" | "STAFF") => (person: PersonOption) =>
    change([
      ...recipients,
      { kind, personId: person.id, name: person.name, email: person.email, role: "SIGNER", accessStatus: person.accessStatus },
    ]);
  const move = (index: number, by: -1 | 1) => {
    const next = [...recipients];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    change(next);
  };
  const setRole = (index: number, role: RecipientRole) => change(recipients.map((r, i) => (i === index ? { ...r, role } : r)));
  const remove = (index: number) => change(recipients.filter((_, i) => i !== index));

  const submit = async () => {
    setNotice("");
    const input = recipients.map((r, index) => ({
      ...(r.kind === "CONTACT" ? { contactId: r.personId } : { staffId: r.personId }),
      role: r.role,
      order: index + 1,
    }));
    const result = (await save({ variables: { documentId: document.id, recipients: input } })).data?.setDocumentRecipients;
    if (!result) return;
    const refused = problemOf(result);
    setProblem(refused);
    if (result.__typename === "DocumentSuccess") {
      const savedRecipients = draftsOf(result.document);
      setBaseline(keyOf(savedRecipients));
      setRecipients(savedRecipients);
      const dropped = document.fields.length - result.document.fields.length;
      setNotice(
        dropped > 0
          ? `Recipients saved. ${dropped === 1 ? "1 field" : `${dropped} fields`} of removed recipients went with them.`
          : "Recipients saved.",
      );
    }
  };

  const shown = problem ?? (sendProblem?.field?.startsWith("recipients") ? sendProblem : null);
  const rowProblem = (index: number) =>
    shown?.field?.startsWith(`recipients.${index}.`) || shown?.field === `recipients.${index}` ? shown.message : undefined;
  const general = shown && !/^recipients\.\d+/.test(shown.field ?? "") ? shown.message : undefined;
  const chosen = (kind: "CONTACT" | "STAFF") => new Set(recipients.filter((r) => r.kind === kind).map((r) => r.personId));

  return (
    <section className="card" aria-labelledby="document-recipients-title" id="document-recipients">
      <h2 id="document-recipients-title">Recipients</h2>
      <p className="hint">
        {ROLES.map((role) => `${ROLE_LABELS[role]}: ${ROLE_HINTS[role].toLowerCase()}.`).join(" ")}{" "}
        {sequential ? "Signers and approvers act one after another, top to bottom." : "Signers and approvers can all act at once."}
      </p>
      {recipients.length === 0 ? (
        <p className="empty-state">No recipients yet. Add a contact below.</p>
      ) : (
        <ol className="recipient-list" aria-label="Recipients">
          {recipients.map((recipient, index) => {
            const error = rowProblem(index);
            return (
              <li key={`${recipient.kind}-${recipient.personId}`} className="recipient-row" data-testid="recipient-row">
                {sequential && (
                  <span className="recipient-order">
                    <span className="visually-hidden">Order </span>
                    {index + 1}
                  </span>
                )}
                <span className="recipient-who">
                  <strong>{recipient.name}</strong>
                  <span className="hint">
                    {recipient.email}
                    {recipient.kind === "STAFF" ? " · staff counter-signer" : ""}
                  </span>
                  {recipient.accessStatus === "REVOKED" && <span className="access-note">{ACCESS_REMOVED_NOTE}</span>}
                  {error && (
                    <span className="field-error" id={`recipient-error-${index}`}>
                      {error}
                    </span>
                  )}
                </span>
                <span className="field recipient-role">
                  <label htmlFor={`recipient-role-${index}`} className="visually-hidden">
                    Role of {recipient.name}
                  </label>
                  <select
                    id={`recipient-role-${index}`}
                    value={recipient.role}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `recipient-error-${index}` : undefined}
                    onChange={(event) => setRole(index, event.target.value as RecipientRole)}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </span>
                <span className="recipient-buttons">
                  {sequential && (
                    <>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={index === 0}
                        aria-label={`Move ${recipient.name} up`}
                        onClick={() => move(index, -1)}
                      >
                        <span aria-hidden="true">↑</span>
                      </button>
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        disabled={index === recipients.length - 1}
                        aria-label={`Move ${recipient.name} down`}
                        onClick={() => move(index, 1)}
                      >
                        <span aria-hidden="true">↓</span>
                      </button>
                    </>
                  )}
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={`Remove ${recipient.name}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="recipient-pickers">
        <RecipientSearch kind="CONTACT" chosen={chosen("CONTACT")} onAdd={add("CONTACT")} />
        <RecipientSearch kind="STAFF" chosen={chosen("STAFF")} onAdd={add("STAFF")} />
      </div>
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      {saving.error && <ErrorMessage error={saving.error} />}
      <div className="actions">
        <button type="button" className="button" disabled={saving.loading || !dirty} onClick={() => void submit()}>
          {saving.loading ? "Saving…" : "Save recipients"}
        </button>
        {dirty && (
          <span className="unsaved-indicator" role="status">
            Unsaved changes
          </span>
        )}
        <span aria-live="polite">{notice && <span className="outcome">{notice}</span>}</span>
      </div>
    </section>
  );
}
