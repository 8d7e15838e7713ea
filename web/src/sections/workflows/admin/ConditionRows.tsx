import { type ReactNode, useEffect, useRef, useState } from "react";
import { messageFor, type Problem } from "../../../shared/results";
import { operatorLabel } from "./labels";
import { newCondition, removeRow, replaceRow, type ConditionDraft } from "./workflowDraft";

/** Something about the trigger a condition can check, and how. */
export interface ConditionFieldOption {
  field: string;
  label: string;
  operators: string[];
  /** When the value is one of a known list (an offer, a course…): shown as a select. */
  values?: { value: string; label: string }[];
}

interface ConditionRowsProps {
  fields: ConditionFieldOption[];
  conditions: ConditionDraft[];
  problem: Problem | null;
  onChange: (conditions: ConditionDraft[]) => void;
}

/** "Only when…" rows: every condition must hold for the workflow to run. */
export function ConditionRows({ fields, conditions, problem, onChange }: ConditionRowsProps) {
  const container = useRef<HTMLFieldSetElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  useEffect(() => {
    if (!focusKey) return;
    container.current?.querySelector<HTMLElement>(`[data-condition="${focusKey}"] select`)?.focus();
    setFocusKey(null);
  }, [focusKey]);
  const add = () => {
    const first = fields[0];
    const condition = newCondition(first?.field ?? "", first?.operators[0] ?? "EQUALS");
    onChange([...conditions, condition]);
    setFocusKey(condition.key);
  };
  const remove = (index: number) => {
    const rest = removeRow(conditions, index);
    onChange(rest);
    const neighbour = rest[Math.min(index, rest.length - 1)];
    if (neighbour) setFocusKey(neighbour.key);
    else requestAnimationFrame(() => container.current?.querySelector<HTMLElement>("[data-add-condition]")?.focus());
  };

  return (
    <fieldset className="fieldset" ref={container}>
      <legend>Conditions</legend>
      <p className="hint">
        {conditions.length === 0
          ? "None: the workflow runs every time its trigger happens."
          : "The workflow runs only when every condition holds."}
      </p>
      {conditions.map((condition, index) => {
        const n = index + 1;
        const option = fields.find((field) => field.field === condition.field);
        const operators = option?.operators ?? [condition.operator];
        const valueError = messageFor(problem, `conditions.${index}.value`);
        const fieldError = messageFor(problem, `conditions.${index}.field`);
        const hidden = <span className="visually-hidden"> (condition {n})</span>;
        return (
          <div key={condition.key} data-condition={condition.key} className="workflow-condition" data-testid="workflow-condition">
            <div className="field">
              <label htmlFor={`${condition.key}-field`}>What{hidden}</label>
              <select
                id={`${condition.key}-field`}
                value={condition.field}
                aria-invalid={fieldError ? true : undefined}
                onChange={(event) => {
                  const next = fields.find((field) => field.field === event.target.value);
                  onChange(
                    replaceRow(conditions, index, {
                      field: event.target.value,
                      operator: next?.operators.includes(condition.operator) ? condition.operator : (next?.operators[0] ?? "EQUALS"),
                      value: "",
                    }),
                  );
                }}
              >
                {!option && <option value={condition.field}>{condition.field || "Choose…"}</option>}
                {fields.map((field) => (
                  <option key={field.field} value={field.field}>
                    {field.label}
                  </option>
                ))}
              </select>
              {fieldError && <p className="field-error">{fieldError}</p>}
            </div>
            <div className="field">
              <label htmlFor={`${condition.key}-operator`}>Test{hidden}</label>
              <select
                id={`${condition.key}-operator`}
                value={condition.operator}
                onChange={(event) => onChange(replaceRow(conditions, index, { operator: event.target.value }))}
              >
                {operators.map((operator) => (
                  <option key={operator} value={operator}>
                    {operatorLabel(operator)}
                  </option>
                ))}
              </select>
            </div>
            <ConditionValue
              id={`${condition.key}-value`}
              hidden={hidden}
              option={option}
              value={condition.value}
              error={valueError}
              onChange={(value) => onChange(replaceRow(conditions, index, { value }))}
            />
            <button type="button" className="button button-secondary button-small workflow-condition-remove" onClick={() => remove(index)}>
              Remove<span className="visually-hidden"> condition {n}</span>
            </button>
          </div>
        );
      })}
      <button type="button" className="button button-secondary" data-add-condition onClick={add} disabled={fields.length === 0}>
        Add condition
      </button>
    </fieldset>
  );
}

interface ConditionValueProps {
  id: string;
  hidden: ReactNode;
  option: ConditionFieldOption | undefined;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

function ConditionValue({ id, hidden, option, value, error, onChange }: ConditionValueProps) {
  const described = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>Value{hidden}</label>
      {option?.values ? (
        <select
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">Choose…</option>
          {value && !option.values.some((choice) => choice.value === value) && <option value={value}>{value}</option>}
          {option.values.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
