import { useRef } from "react";
import { Field } from "../../../shared/Field";
import { messageFor, type Problem } from "../../../shared/results";
import { formatWait, WAIT_UNITS } from "./labels";
import type { PickerOption } from "./pickerOptions";
import { insertPlaceholder, placeholderToken, unknownPlaceholders } from "./placeholders";
import type { ActionDraft, WaitUnit } from "./workflowDraft";

interface ActionSettingsProps {
  action: ActionDraft;
  index: number;
  placeholders: readonly string[];
  courses: PickerOption[];
  groups: PickerOption[];
  problem: Problem | null;
  onChange: (patch: Partial<ActionDraft>) => void;
}

/** The settings one action needs: which course or group, the email's text, how long to wait. */
export function ActionSettings({ action, index, placeholders, courses, groups, problem, onChange }: ActionSettingsProps) {
  const n = index + 1;
  const errorOf = (field: string) => messageFor(problem, `actions.${index}.${field}`);
  switch (action.type) {
    case "ENROL_IN_COURSE":
      return (
        <OptionSelect
          id={`${action.key}-course`}
          label="Course"
          step={n}
          options={courses}
          empty="Choose a course"
          value={action.courseId}
          error={errorOf("courseId")}
          onChange={(courseId) => onChange({ courseId })}
        />
      );
    case "ADD_TO_GROUP":
    case "REMOVE_FROM_GROUP":
      return (
        <OptionSelect
          id={`${action.key}-group`}
          label="Community group"
          step={n}
          options={groups}
          empty="Choose a group"
          value={action.groupId}
          error={errorOf("groupId")}
          onChange={(groupId) => onChange({ groupId })}
        />
      );
    case "SEND_EMAIL":
      return <EmailSettings action={action} step={n} placeholders={placeholders} errorOf={errorOf} onChange={onChange} />;
    case "WAIT":
      return (
        <div className="workflow-wait">
          <Field
            label={
              <>
                Wait for<span className="visually-hidden"> (step {n})</span>
              </>
            }
            inputMode="numeric"
            value={action.amount}
            onChange={(event) => onChange({ amount: event.target.value })}
            error={errorOf("amount")}
          />
          <div className="field">
            <label htmlFor={`${action.key}-unit`}>
              Unit<span className="visually-hidden"> (step {n})</span>
            </label>
            <select id={`${action.key}-unit`} value={action.unit} onChange={(event) => onChange({ unit: event.target.value as WaitUnit })}>
              {WAIT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {formatWait(2, unit).replace(/^2 /, "")}
                </option>
              ))}
            </select>
          </div>
        </div>
      );
    case "GRANT_OFFER_ACCESS":
      return <p className="hint">Enrols the buyer in each course and adds them to each group the order's offer includes.</p>;
    case "INVITE_TO_PORTAL":
      return <p className="hint">Sends a portal invitation unless the contact already has access.</p>;
    case "MAKE_AFFILIATE":
      return <p className="hint">Makes the contact an affiliate on the programme's terms.</p>;
    default:
      return null;
  }
}

interface OptionSelectProps {
  id: string;
  label: string;
  step: number;
  options: PickerOption[];
  empty: string;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

function OptionSelect({ id, label, step, options, empty, value, error, onChange }: OptionSelectProps) {
  const missing = value && !options.some((option) => option.id === value);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        <span className="visually-hidden"> (step {step})</span>
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{empty}</option>
        {/* Saved with a course or group no longer listed (deleted, or beyond the first hundred). */}
        {missing && <option value={value}>Unavailable ({value.slice(0, 8)})</option>}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

interface EmailSettingsProps {
  action: ActionDraft;
  step: number;
  placeholders: readonly string[];
  errorOf: (field: string) => string | undefined;
  onChange: (patch: Partial<ActionDraft>) => void;
}

/** Subject and text with the trigger's placeholders beside them, each insertable at the caret. */
function EmailSettings({ action, step, placeholders, errorOf, onChange }: EmailSettingsProps) {
  const body = useRef<HTMLTextAreaElement>(null);
  const bodyError = errorOf("body");
  const unknown = unknownPlaceholders(`${action.subject}\n${action.body}`, placeholders);
  const insert = (name: string) => {
    const textarea = body.current;
    const { text, caret } = insertPlaceholder(
      action.body,
      name,
      textarea?.selectionStart ?? undefined,
      textarea?.selectionEnd ?? undefined,
    );
    onChange({ body: text });
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(caret, caret);
    });
  };
  const id = `${action.key}-body`;
  return (
    <div className="workflow-email">
      <Field
        label={
          <>
            Subject<span className="visually-hidden"> (step {step})</span>
          </>
        }
        value={action.subject}
        onChange={(event) => onChange({ subject: event.target.value })}
        error={errorOf("subject")}
      />
      <div className="field">
        <label htmlFor={id}>
          Email text<span className="visually-hidden"> (step {step})</span>
        </label>
        <textarea
          id={id}
          ref={body}
          rows={6}
          value={action.body}
          aria-invalid={bodyError ? true : undefined}
          aria-describedby={[`${id}-placeholders`, bodyError && `${id}-error`].filter(Boolean).join(" ")}
          onChange={(event) => onChange({ body: event.target.value })}
        />
        {bodyError && (
          <p id={`${id}-error`} className="field-error">
            {bodyError}
          </p>
        )}
      </div>
      <div id={`${id}-placeholders`} className="workflow-placeholders">
        {placeholders.length === 0 ? (
          <p className="hint">This trigger has no placeholders.</p>
        ) : (
          <>
            <p className="hint">Placeholders this trigger fills in (choose one to insert it into the text):</p>
            <ul className="chip-list" aria-label={`Placeholders (step ${step})`}>
              {placeholders.map((name) => (
                <li key={name}>
                  <button type="button" className="chip" onClick={() => insert(name)}>
                    <code>{placeholderToken(name)}</code>
                    <span className="visually-hidden"> (insert)</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {unknown.length > 0 && (
        <p className="alert alert-info">
          This trigger does not fill in {unknown.map(placeholderToken).join(", ")}: {unknown.length === 1 ? "it" : "they"} would come out
          empty.
        </p>
      )}
    </div>
  );
}
