import { useEffect, useRef, useState, type FormEvent } from "react";
import type { AdminDocumentDetailFragment, SigningOrder } from "../../../gql/graphql";
import { Field, TextAreaField } from "../../../shared/Field";
import { generalMessage, messageFor, type Problem } from "../../../shared/results";

export interface DocumentSettingsInput {
  title: string;
  message: string | null;
  signingOrder: SigningOrder;
  expiresAt: string | null;
  reminderIntervalDays: number | null;
}

interface Draft {
  title: string;
  message: string;
  signingOrder: SigningOrder;
  /** yyyy-mm-dd (the document expires at the end of that day, local time) or "". */
  expiresOn: string;
  reminderIntervalDays: string;
}

const FIELDS = ["title", "message", "signingOrder", "expiresAt", "reminderIntervalDays"];

function draftOf(document?: AdminDocumentDetailFragment): Draft {
  return {
    title: document?.title ?? "",
    message: document?.message ?? "",
    signingOrder: document?.signingOrder ?? "SEQUENTIAL",
    expiresOn: document?.expiresAt ? localDay(document.expiresAt) : "",
    reminderIntervalDays: document?.reminderIntervalDays != null ? String(document.reminderIntervalDays) : "",
  };
}

function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function toInput(draft: Draft): { input: DocumentSettingsInput } | { problem: Problem } {
  const title = draft.title.trim();
  if (!title) return { problem: { kind: "ValidationError", field: "title", message: "Enter a title." } };
  let reminderIntervalDays: number | null = null;
  if (draft.reminderIntervalDays.trim()) {
    const days = Number(draft.reminderIntervalDays);
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      return {
        problem: {
          kind: "ValidationError",
          field: "reminderIntervalDays",
          message: "Enter a whole number of days from 1 to 365, or leave empty for no reminders.",
        },
      };
    }
    reminderIntervalDays = days;
  }
  let expiresAt: string | null = null;
  if (draft.expiresOn) {
    const end = new Date(`${draft.expiresOn}T23:59:59`);
    if (Number.isNaN(end.getTime())) return { problem: { kind: "ValidationError", field: "expiresAt", message: "Enter a valid date." } };
    if (end.getTime() <= Date.now())
      return { problem: { kind: "ValidationError", field: "expiresAt", message: "Choose a day in the future." } };
    expiresAt = end.toISOString();
  }
  return {
    input: { title, message: draft.message.trim() || null, signingOrder: draft.signingOrder, expiresAt, reminderIntervalDays },
  };
}

interface DocumentSettingsFormProps {
  document?: AdminDocumentDetailFragment;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** A problem from the server; the form's own checks are shown the same way. */
  problem: Problem | null;
  /** Resolves true once the server has saved it. */
  onSubmit: (input: DocumentSettingsInput) => Promise<boolean>;
  onDirtyChange?: (dirty: boolean) => void;
}

/** Title, message, signing order, expiry and reminders: for a new document and for a draft. */
export function DocumentSettingsForm({
  document,
  submitLabel,
  busyLabel,
  busy,
  problem: serverProblem,
  onSubmit,
  onDirtyChange,
}: DocumentSettingsFormProps) {
  const [initial, setInitial] = useState(() => draftOf(document));
  const [draft, setDraft] = useState(initial);
  const [localProblem, setLocalProblem] = useState<Problem | null>(null);
  const problem = localProblem ?? serverProblem;
  const form = useRef<HTMLFormElement>(null);
  // A saved change from the server becomes the new baseline when nothing is being edited.
  const serverDraft = draftOf(document);
  const serverKey = JSON.stringify(serverDraft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  useEffect(() => {
    if (!dirty && serverKey !== JSON.stringify(initial)) {
      setInitial(serverDraft);
      setDraft(serverDraft);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [serverKey]);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => {
    if (problem?.field) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problem]);
  const set = (patch: Partial<Draft>) => {
    setLocalProblem(null);
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const converted = toInput(draft);
    if ("problem" in converted) {
      setLocalProblem(converted.problem);
      return;
    }
    setLocalProblem(null);
    const submitted = draft;
    // What was submitted is the baseline once the server has it; a refusal keeps it unsaved.
    if (await onSubmit(converted.input)) setInitial(submitted);
  };

  const general = generalMessage(problem, FIELDS);
  return (
    <form ref={form} onSubmit={(event) => void submit(event)} noValidate aria-label="Document details">
      <Field
        label="Title"
        value={draft.title}
        maxLength={200}
        required
        onChange={(e) => set({ title: e.target.value })}
        error={messageFor(problem, "title")}
      />
      <TextAreaField
        label="Message (optional)"
        hint="Included in the signature request email"
        rows={3}
        maxLength={5000}
        value={draft.message}
        onChange={(e) => set({ message: e.target.value })}
        error={messageFor(problem, "message")}
      />
      <fieldset className="fieldset">
        <legend>Signing order</legend>
        <div className="field checkbox">
          <input
            id="signing-order-sequential"
            type="radio"
            name="signing-order"
            value="SEQUENTIAL"
            checked={draft.signingOrder === "SEQUENTIAL"}
            onChange={() => set({ signingOrder: "SEQUENTIAL" })}
          />
          <label htmlFor="signing-order-sequential">In sequence: each recipient signs after the one before</label>
        </div>
        <div className="field checkbox">
          <input
            id="signing-order-parallel"
            type="radio"
            name="signing-order"
            value="PARALLEL"
            checked={draft.signingOrder === "PARALLEL"}
            onChange={() => set({ signingOrder: "PARALLEL" })}
          />
          <label htmlFor="signing-order-parallel">All at once: everyone can sign right away</label>
        </div>
        {messageFor(problem, "signingOrder") && <p className="field-error">{messageFor(problem, "signingOrder")}</p>}
      </fieldset>
      <div className="form-grid">
        <Field
          label="Expires on (optional)"
          type="date"
          value={draft.expiresOn}
          hint="Unsigned documents expire at the end of this day"
          onChange={(e) => set({ expiresOn: e.target.value })}
          error={messageFor(problem, "expiresAt")}
        />
        <Field
          label="Reminder every (days, optional)"
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          value={draft.reminderIntervalDays}
          hint="Emails whoever's turn it is until they act; empty for none"
          onChange={(e) => set({ reminderIntervalDays: e.target.value })}
          error={messageFor(problem, "reminderIntervalDays")}
        />
      </div>
      <p className="visually-hidden" role="alert">
        {problem?.field && FIELDS.includes(problem.field) ? "Not saved: check the highlighted field." : ""}
      </p>
      {general && <p className="alert alert-error">{general}</p>}
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {document && dirty && (
          <span className="unsaved-indicator" role="status">
            Unsaved changes
          </span>
        )}
      </div>
    </form>
  );
}
