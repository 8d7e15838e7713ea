import { useMutation } from "@apollo/client/react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { graphql } from "../../../gql";
import type { SigningDocumentFragment } from "../../../gql/graphql";
import { describeError } from "../../../shared/ErrorMessage";
import { problemOf, type Problem } from "../../../shared/results";
import { dropDocumentLists } from "./documentCache";

const RecipientDeclineDocumentDocument = graphql(`
  mutation RecipientDeclineDocument($input: DeclineDocumentInput!) {
    declineDocument(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...SigningDocument } }
    }
  }
`);

export const MAX_DECLINE_REASON_LENGTH = 1000;

interface DeclineFormProps {
  documentId: string;
  /** After the document was declined, with the document as it now is. */
  onDeclined?: (document: SigningDocumentFragment) => void;
  onCancel: () => void;
}

/** Declining to sign, with the reason the sender will read. Focus starts in the reason box. */
export function DeclineForm({ documentId, onDeclined, onCancel }: DeclineFormProps) {
  const uid = useId();
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [decline, { loading, error }] = useMutation(RecipientDeclineDocumentDocument, { update: (cache) => dropDocumentLists(cache) });
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reasonRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setProblem({ kind: "ValidationError", field: "reason", message: "Please say why you are declining." });
      reasonRef.current?.focus();
      return;
    }
    const result = (await decline({ variables: { input: { documentId, reason: text } } })).data?.declineDocument;
    if (!result) return;
    if (result.__typename === "DocumentSuccess") {
      setProblem(null);
      onDeclined?.(result.document);
      return;
    }
    const found = problemOf(result);
    setProblem(found);
    if (found?.field === "reason") reasonRef.current?.focus();
  };

  const reasonError = problem?.field === "reason" ? problem.message : undefined;
  const general = problem && problem.field !== "reason" ? problem.message : undefined;
  return (
    <section className="card decline-panel" aria-labelledby={`${uid}-title`} data-testid="decline-panel">
      <h2 id={`${uid}-title`}>Decline to sign</h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={`${uid}-reason`}>Reason for declining</label>
          <p id={`${uid}-hint`} className="hint">
            The sender will see this. The document cannot be signed once declined.
          </p>
          <textarea
            ref={reasonRef}
            id={`${uid}-reason`}
            rows={4}
            required
            maxLength={MAX_DECLINE_REASON_LENGTH}
            value={reason}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={[`${uid}-hint`, reasonError ? `${uid}-error` : ""].filter(Boolean).join(" ")}
            onChange={(event) => setReason(event.target.value)}
          />
          {reasonError && (
            <p id={`${uid}-error`} className="field-error">
              {reasonError}
            </p>
          )}
        </div>
        {general && (
          <p className="alert alert-error" role="alert" data-testid="decline-error">
            {general}
          </p>
        )}
        {error && (
          <p className="alert alert-error" role="alert" data-testid="decline-error">
            {describeError(error)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={loading}>
            {loading ? "Declining…" : "Decline document"}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={loading}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
