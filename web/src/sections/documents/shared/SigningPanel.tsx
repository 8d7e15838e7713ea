import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from "react";
import { graphql } from "../../../gql";
import type { SigningDocumentFragment } from "../../../gql/graphql";
import { describeError } from "../../../shared/ErrorMessage";
import { Loading } from "../../../shared/QueryState";
import { problemOf } from "../../../shared/results";
import { dropDocumentLists } from "./documentCache";
import { fieldName, type OverlayField } from "./FieldOverlay";
import { initialsOf, SignatureInput, type SignatureValue } from "./SignatureInput";

const SigningConsentDocument = graphql(`
  query SigningConsent {
    signatureConsent { version text }
  }
`);

const RecipientSignDocumentDocument = graphql(`
  mutation RecipientSignDocument($input: SignDocumentInput!) {
    signDocument(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on DocumentSuccess { document { ...SigningDocument } }
    }
  }
`);

/** Longest TEXT field value the server takes. */
export const MAX_TEXT_FIELD_LENGTH = 500;

/** What the signer has entered so far; the page can show it in the field boxes over the PDF. */
export interface SigningDraft {
  /** TEXT field values by field id. */
  fieldValues: Record<string, string>;
  signature: SignatureValue | null;
  initials: string;
}

/** Ids of the panel's controls, so a click on a field box over the PDF can move focus to its input. */
export const SIGNING_CONTROL_IDS = {
  consent: "signing-consent",
  signature: "signing-signature",
  initials: "signing-initials",
  field: (fieldId: string) => `signing-field-${fieldId}`,
};

/** Moves focus to the panel's input for a field (TEXT input, initials, or the signature group). */
export function focusSigningControl(field: Pick<OverlayField, "id" | "kind">): void {
  const id =
    field.kind === "TEXT"
      ? SIGNING_CONTROL_IDS.field(field.id)
      : field.kind === "INITIALS"
        ? SIGNING_CONTROL_IDS.initials
        : SIGNING_CONTROL_IDS.signature;
  const element = document.getElementById(id);
  if (!element) return;
  element.scrollIntoView({ block: "center", behavior: "smooth" });
  element.focus({ preventScroll: true });
}

interface SigningPanelProps {
  /** The document, with the caller as `myRecipient` whose turn it is. */
  document: SigningDocumentFragment;
  /** After a successful signature or approval, with the document as it now is. */
  onSigned?: (document: SigningDocumentFragment) => void;
  /** Shows a Cancel button that calls this. */
  onCancel?: () => void;
  /** Every change of what was entered (for previews over the PDF). */
  onDraftChange?: (draft: SigningDraft) => void;
  /**
   * Moves focus to the panel's heading when it appears, for panels opened by a button (which
   * disappears with it, or focus would fall to the page's body).
   */
  focusOnOpen?: boolean;
}

type Problems = Partial<Record<string, string>>;

/**
 * The signing form for the recipient whose turn it is: the electronic-signature consent (text and
 * version), their TEXT fields, initials when they have INITIALS fields, and the signature (typed
 * or drawn); approvers only consent and approve. Errors appear next to the control they concern.
 */
export function SigningPanel({ document: doc, onSigned, onCancel, onDraftChange, focusOnOpen }: SigningPanelProps) {
  const uid = useId();
  const me = doc.myRecipient;
  const approver = me?.role === "APPROVER";
  const myFields = useMemo(
    () => doc.fields.filter((field) => field.recipientId === me?.id).sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x),
    [doc.fields, me?.id],
  );
  const textFields = myFields.filter((field) => field.kind === "TEXT");
  const signatureCount = myFields.filter((field) => field.kind === "SIGNATURE").length;
  const needsInitials = myFields.some((field) => field.kind === "INITIALS");
  const dateCount = myFields.filter((field) => field.kind === "DATE_SIGNED").length;

  const consent = useQuery(SigningConsentDocument);
  const [accepted, setAccepted] = useState(false);
  const [fieldValues, setFieldValues] = useState<Record<string, string>>({});
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [initials, setInitials] = useState(() => initialsOf(me?.name ?? ""));
  const [problems, setProblems] = useState<Problems>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Only as the panel appears: later renders must not pull focus back out of the form.
  const focusWhenShown = useRef(focusOnOpen);
  useEffect(() => {
    if (focusWhenShown.current) headingRef.current?.focus();
  }, []);
  const [sign, { loading, error }] = useMutation(RecipientSignDocumentDocument, { update: (cache) => dropDocumentLists(cache) });

  const onDraftChangeRef = useRef(onDraftChange);
  onDraftChangeRef.current = onDraftChange;
  useEffect(() => {
    onDraftChangeRef.current?.({ fieldValues, signature, initials });
  }, [fieldValues, signature, initials]);

  if (!me) return null;

  const check = (): Problems => {
    const found: Problems = {};
    if (!accepted) found.consent = "Please accept the electronic signature consent to continue.";
    for (const field of textFields) {
      const value = (fieldValues[field.id] ?? "").trim();
      if (field.required && !value) found[`field:${field.id}`] = `Please fill in “${fieldName(field)}”.`;
      else if (value.length > MAX_TEXT_FIELD_LENGTH) found[`field:${field.id}`] = `At most ${MAX_TEXT_FIELD_LENGTH} characters.`;
    }
    if (!approver && !signature) found.signature = "Please type your name or draw your signature.";
    if (needsInitials && !initials.trim()) found.initials = "Please enter your initials.";
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const version = consent.data?.signatureConsent.version;
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0 || !version) {
      focusFirstProblem(found);
      return;
    }
    // Only filled values are sent; a ValidationError's "fieldValues.<i>" counts in this list.
    const values = textFields
      .map((field) => ({ fieldId: field.id, value: (fieldValues[field.id] ?? "").trim() }))
      .filter((value) => value.value !== "");
    const result = (
      await sign({
        variables: {
          input: {
            documentId: doc.id,
            consentVersion: version,
            consentAccepted: true,
            signature: signature
              ? signature.method === "TYPED"
                ? { method: "TYPED", typedName: signature.typedName }
                : { method: "DRAWN", drawnPng: signature.drawnPng }
              : undefined,
            initials: needsInitials ? initials.trim() : undefined,
            fieldValues: values,
          },
        },
      })
    ).data?.signDocument;
    if (!result) return;
    if (result.__typename === "DocumentSuccess") {
      setProblems({});
      onSigned?.(result.document);
      return;
    }
    const problem = problemOf(result);
    if (!problem) return;
    const key = problemKey(
      problem.field,
      values.map((value) => value.fieldId),
      textFields.map((field) => field.id),
    );
    const next = { [key]: problem.message };
    setProblems(next);
    focusFirstProblem(next);
  };

  const fieldProblem = (id: string) => problems[`field:${id}`];
  const action = approver ? "Approve" : "Sign";

  return (
    <section className="card signing-panel" aria-labelledby={`${uid}-title`} data-testid="signing-panel">
      <h2 id={`${uid}-title`} ref={headingRef} tabIndex={-1}>
        {approver ? "Approve this document" : "Sign this document"}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="signing-step">
          <h3>Electronic signature consent</h3>
          {consent.data ? (
            <>
              <div className="consent-text" tabIndex={0} role="region" aria-label="Consent text" data-testid="consent-text">
                {consent.data.signatureConsent.text}
              </div>
              <p className="hint">Consent version {consent.data.signatureConsent.version}</p>
              <div className="field checkbox">
                <input
                  id={SIGNING_CONTROL_IDS.consent}
                  type="checkbox"
                  checked={accepted}
                  aria-invalid={problems.consent ? true : undefined}
                  aria-describedby={problems.consent ? `${uid}-consent-error` : undefined}
                  onChange={(event) => setAccepted(event.target.checked)}
                />
                <label htmlFor={SIGNING_CONTROL_IDS.consent}>I agree to sign electronically</label>
              </div>
              {problems.consent && (
                <p id={`${uid}-consent-error`} className="field-error">
                  {problems.consent}
                </p>
              )}
            </>
          ) : consent.error ? (
            <div className="alert alert-error" role="alert">
              <p>The consent text could not be loaded. {describeError(consent.error)}</p>
              <button type="button" className="button button-secondary" onClick={() => void consent.refetch()}>
                Try again
              </button>
            </div>
          ) : (
            <Loading label="Loading the consent…" />
          )}
        </div>

        {(textFields.length > 0 || dateCount > 0) && (
          <div className="signing-step">
            <h3>Your fields</h3>
            {textFields.map((field) => {
              const problem = fieldProblem(field.id);
              const inputId = SIGNING_CONTROL_IDS.field(field.id);
              return (
                <div className="field" key={field.id}>
                  <label htmlFor={inputId}>
                    {fieldName(field)}
                    {field.required ? <span aria-hidden="true"> *</span> : <span className="hint"> (optional)</span>}
                  </label>
                  <input
                    id={inputId}
                    type="text"
                    required={field.required}
                    aria-required={field.required}
                    maxLength={MAX_TEXT_FIELD_LENGTH}
                    value={fieldValues[field.id] ?? ""}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={[`${inputId}-hint`, problem ? `${inputId}-error` : ""].filter(Boolean).join(" ")}
                    onChange={(event) => setFieldValues((values) => ({ ...values, [field.id]: event.target.value }))}
                  />
                  <p id={`${inputId}-hint`} className="hint">
                    On page {field.page}
                  </p>
                  {problem && (
                    <p id={`${inputId}-error`} className="field-error">
                      {problem}
                    </p>
                  )}
                </div>
              );
            })}
            {dateCount > 0 && (
              <p className="hint">The date you sign is filled in for you{dateCount > 1 ? ` in ${dateCount} places` : ""}.</p>
            )}
          </div>
        )}

        {!approver && (
          <div className="signing-step">
            <SignatureInput
              id={SIGNING_CONTROL_IDS.signature}
              defaultName={me.name}
              onChange={setSignature}
              error={problems.signature}
              legend={signatureCount > 1 ? `Your signature (used in ${signatureCount} places)` : "Your signature"}
            />
            {needsInitials && (
              <div className="field initials-field">
                <label htmlFor={SIGNING_CONTROL_IDS.initials}>Your initials</label>
                <input
                  id={SIGNING_CONTROL_IDS.initials}
                  type="text"
                  maxLength={10}
                  autoComplete="off"
                  value={initials}
                  aria-invalid={problems.initials ? true : undefined}
                  aria-describedby={problems.initials ? `${uid}-initials-error` : undefined}
                  onChange={(event) => setInitials(event.target.value)}
                />
                {problems.initials && (
                  <p id={`${uid}-initials-error`} className="field-error">
                    {problems.initials}
                  </p>
                )}
              </div>
            )}
          </div>
        )}

        {problems.general && (
          <p className="alert alert-error" role="alert" data-testid="signing-error">
            {problems.general}
          </p>
        )}
        {error && (
          <p className="alert alert-error" role="alert" data-testid="signing-error">
            {describeError(error)}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={loading || !consent.data}>
            {loading ? (approver ? "Approving…" : "Signing…") : `${action} document`}
          </button>
          {onCancel && (
            <button type="button" className="button button-secondary" onClick={onCancel} disabled={loading}>
              Cancel
            </button>
          )}
        </div>
        {!approver && (
          <p className="hint signing-legal">By selecting “Sign document” you sign “{doc.title}” electronically with the signature above.</p>
        )}
      </form>
    </section>
  );
}

/**
 * Which control a ValidationError's field belongs to: "consentAccepted"/"consentVersion" → the
 * consent, "signature…" → the signature, "initials", "fieldValues.<index>…" (index into the values
 * sent) or "fieldValues.<fieldId>" → that field; anything else (and DocumentStateError) is shown
 * above the button.
 */
function problemKey(field: string | undefined, sentFieldIds: string[], textFieldIds: string[]): string {
  if (!field) return "general";
  if (field.startsWith("consent")) return "consent";
  if (field.startsWith("signature")) return "signature";
  if (field.startsWith("initials")) return "initials";
  if (field.startsWith("fieldValues.")) {
    const rest = field.slice("fieldValues.".length);
    const byId = textFieldIds.find((id) => rest === id || rest.startsWith(`${id}.`));
    const index = /^(\d+)(?:\.|$)/.exec(rest)?.[1];
    const id = byId ?? (index !== undefined ? sentFieldIds[Number(index)] : undefined);
    return id ? `field:${id}` : "general";
  }
  return "general";
}

function focusFirstProblem(problems: Problems): void {
  const first = Object.keys(problems)[0];
  if (!first) return;
  const id =
    first === "consent"
      ? SIGNING_CONTROL_IDS.consent
      : first === "signature"
        ? SIGNING_CONTROL_IDS.signature
        : first === "initials"
          ? SIGNING_CONTROL_IDS.initials
          : first.startsWith("field:")
            ? SIGNING_CONTROL_IDS.field(first.slice("field:".length))
            : null;
  if (id) window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}
