import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import { ErrorMessage } from "../../../../shared/ErrorMessage";
import { problemOf, type Problem } from "../../../../shared/results";
import { SendDocumentDocument } from "../documentOperations";
import { dropDocumentLists } from "../useDocumentLive";

interface SendPanelProps {
  document: AdminDocumentDetailFragment;
  /** Unsaved edits elsewhere on the page: sending would send the saved version. */
  unsaved: boolean;
  onProblem: (problem: Problem | null) => void;
}

const SECTION_OF: { prefix: string; anchor: string; name: string }[] = [
  { prefix: "file", anchor: "document-pdf", name: "PDF" },
  { prefix: "pdf", anchor: "document-pdf", name: "PDF" },
  { prefix: "recipients", anchor: "document-recipients", name: "Recipients" },
  { prefix: "fields", anchor: "document-fields", name: "Fields" },
  { prefix: "title", anchor: "document-details", name: "Details" },
  { prefix: "expiresAt", anchor: "document-details", name: "Details" },
];

/** Sends the draft for signature; refusals are shown here and next to the part they are about. */
export function SendPanel({ document, unsaved, onProblem }: SendPanelProps) {
  const [inviteToPortal, setInviteToPortal] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [send, sending] = useMutation(SendDocumentDocument, { update: (cache) => dropDocumentLists(cache) });
  const hasContacts = document.recipients.some((r) => r.kind === "CONTACT");

  const onSend = async () => {
    setProblem(null);
    onProblem(null);
    const result = (await send({ variables: { id: document.id, inviteToPortal } })).data?.sendDocument;
    if (!result) return;
    const refused = problemOf(result);
    setProblem(refused);
    onProblem(refused);
  };

  const section = isMissingSignatureField(problem, document)
    ? { anchor: "document-fields", name: "Fields" }
    : problem?.field
      ? SECTION_OF.find((s) => problem.field === s.prefix || problem.field!.startsWith(`${s.prefix}.`))
      : undefined;
  return (
    <section className="card" aria-labelledby="document-send-title" id="document-send">
      <h2 id="document-send-title">Send for signature</h2>
      <p className="hint">
        {document.signingOrder === "SEQUENTIAL"
          ? "The first recipient in order gets an email with a link to sign; each next one when it is their turn."
          : "Every signer and approver gets an email with a link to sign."}
      </p>
      {hasContacts && (
        <div className="field checkbox">
          <input
            id="document-invite-to-portal"
            type="checkbox"
            checked={inviteToPortal}
            onChange={(event) => setInviteToPortal(event.target.checked)}
          />
          <label htmlFor="document-invite-to-portal">Invite recipients without portal access to the portal</label>
        </div>
      )}
      {unsaved && (
        <p className="alert alert-info" role="status">
          Save your changes first: the saved version is what gets sent.
        </p>
      )}
      <div role="alert">
        {problem && (
          <div className="alert alert-error">
            <p>{problem.message}</p>
            {section && (
              <p>
                <a href={`#${section.anchor}`}>Go to {section.name}</a>
              </p>
            )}
          </div>
        )}
      </div>
      {sending.error && <ErrorMessage error={sending.error} />}
      <div className="actions">
        <button type="button" className="button" disabled={sending.loading || unsaved} onClick={() => void onSend()}>
          {sending.loading ? "Sending…" : "Send document"}
        </button>
      </div>
    </section>
  );
}

/**
 * "Place a signature field for …" names the recipient (`recipients.<n>`, their position) but is
 * fixed in the fields part: true when that recipient is a signer without a saved signature field.
 */
export function isMissingSignatureField(problem: Problem | null, document: AdminDocumentDetailFragment): boolean {
  const match = problem?.field?.match(/^recipients\.(\d+)$/);
  const recipient = match ? document.recipients[Number(match[1])] : undefined;
  return Boolean(
    recipient && recipient.role === "SIGNER" && !document.fields.some((f) => f.recipientId === recipient.id && f.kind === "SIGNATURE"),
  );
}
