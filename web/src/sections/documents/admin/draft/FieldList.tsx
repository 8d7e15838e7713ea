import { useId, useState, type RefObject } from "react";
import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import { FIELD_KIND_LABELS, FIELD_KINDS, fromPercent, keepOnPage, toPercent, type FieldKind, type PageSize } from "../fieldGeometry";
import type { FieldDraft } from "./fieldDrafts";

type Recipient = AdminDocumentDetailFragment["recipients"][number];

interface FieldListProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  fields: FieldDraft[];
  signers: Recipient[];
  pages: PageSize[];
  selectedKey: string | null;
  names: Map<string, string>;
  colours: Map<string, string>;
  rowProblem: (index: number) => { field: string; message: string } | null;
  onSelect: (key: string) => void;
  onChange: (field: FieldDraft) => void;
  onRemove: (key: string) => void;
  onAdd: (kind: FieldKind, recipientId: string, page: number) => void;
}

/**
 * Every placed field with plain inputs (page, position and size in percent of the page): the
 * keyboard and screen-reader way to place fields, and a precise one for everyone.
 */
export function FieldList({
  headingRef,
  fields,
  signers,
  pages,
  selectedKey,
  names,
  colours,
  rowProblem,
  onSelect,
  onChange,
  onRemove,
  onAdd,
}: FieldListProps) {
  const id = useId();
  const [addRecipient, setAddRecipient] = useState("");
  const [addKind, setAddKind] = useState<FieldKind>("SIGNATURE");
  const [addPage, setAddPage] = useState(1);
  const recipientForAdd = signers.some((s) => s.id === addRecipient) ? addRecipient : (signers[0]?.id ?? "");

  const setNumber = (field: FieldDraft, key: "x" | "y" | "width" | "height", value: string) => {
    const percent = Number(value);
    if (value === "" || Number.isNaN(percent)) return;
    onChange(keepOnPage({ ...field, [key]: fromPercent(percent) }));
  };

  return (
    <div className="field-list">
      <h3 ref={headingRef} tabIndex={-1} id={`${id}-heading`}>
        Placed fields ({fields.length})
      </h3>
      {signers.length > 0 && (
        <div className="field-add" role="group" aria-label="Add a field without the mouse">
          <div className="field">
            <label htmlFor={`${id}-add-recipient`}>Recipient</label>
            <select id={`${id}-add-recipient`} value={recipientForAdd} onChange={(e) => setAddRecipient(e.target.value)}>
              {signers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-add-kind`}>Kind</label>
            <select id={`${id}-add-kind`} value={addKind} onChange={(e) => setAddKind(e.target.value as FieldKind)}>
              {FIELD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {FIELD_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-add-page`}>Page</label>
            <select id={`${id}-add-page`} value={addPage} onChange={(e) => setAddPage(Number(e.target.value))}>
              {pages.map((p) => (
                <option key={p.number} value={p.number}>
                  {p.number}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button button-secondary" onClick={() => onAdd(addKind, recipientForAdd, addPage)}>
            Add field
          </button>
        </div>
      )}
      {fields.length === 0 ? (
        <p className="hint">No fields yet. Every signer needs at least one signature field.</p>
      ) : (
        <div className="table-scroll">
          <table className="table field-table">
            <caption className="visually-hidden">Placed fields; position and size in percent of the page</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Recipient</th>
                <th scope="col">Page</th>
                <th scope="col">Left %</th>
                <th scope="col">Top %</th>
                <th scope="col">Width %</th>
                <th scope="col">Height %</th>
                <th scope="col">Text options</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field, index) => {
                const problem = rowProblem(index);
                const row = `field ${index + 1}`;
                const invalid = (name: string) => (problem && (problem.field === name || problem.field === "") ? true : undefined);
                return (
                  <tr key={field.key} className={field.key === selectedKey ? "field-row-selected" : undefined} data-testid="field-row">
                    <th scope="row">
                      <span className="recipient-swatch" style={{ background: colours.get(field.recipientId) }} aria-hidden="true" />
                      <label className="visually-hidden" htmlFor={`${id}-${index}-kind`}>
                        Kind of {row}
                      </label>
                      <select
                        id={`${id}-${index}-kind`}
                        value={field.kind}
                        aria-invalid={invalid("kind")}
                        onChange={(e) => onChange({ ...field, kind: e.target.value as FieldKind })}
                      >
                        {FIELD_KINDS.map((k) => (
                          <option key={k} value={k}>
                            {FIELD_KIND_LABELS[k]}
                          </option>
                        ))}
                      </select>
                      {problem && (
                        <p className="field-error" id={`${id}-${index}-error`}>
                          {problem.message}
                        </p>
                      )}
                    </th>
                    <td data-label="Recipient">
                      <label className="visually-hidden" htmlFor={`${id}-${index}-recipient`}>
                        Recipient of {row}
                      </label>
                      <select
                        id={`${id}-${index}-recipient`}
                        value={field.recipientId}
                        aria-invalid={invalid("recipientId")}
                        onChange={(e) => onChange({ ...field, recipientId: e.target.value })}
                      >
                        {signers.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.name}
                          </option>
                        ))}
                        {!signers.some((s) => s.id === field.recipientId) && (
                          <option value={field.recipientId}>{names.get(field.recipientId) ?? "Unknown"}</option>
                        )}
                      </select>
                    </td>
                    <td data-label="Page">
                      <label className="visually-hidden" htmlFor={`${id}-${index}-page`}>
                        Page of {row}
                      </label>
                      <select
                        id={`${id}-${index}-page`}
                        value={field.page}
                        aria-invalid={invalid("page")}
                        onChange={(e) => onChange({ ...field, page: Number(e.target.value) })}
                      >
                        {pages.map((p) => (
                          <option key={p.number} value={p.number}>
                            {p.number}
                          </option>
                        ))}
                        {!pages.some((p) => p.number === field.page) && <option value={field.page}>{field.page} (missing)</option>}
                      </select>
                    </td>
                    {(["x", "y", "width", "height"] as const).map((key) => (
                      <td key={key} data-label={{ x: "Left %", y: "Top %", width: "Width %", height: "Height %" }[key]}>
                        <PercentInput
                          id={`${id}-${index}-${key}`}
                          label={`${{ x: "Left", y: "Top", width: "Width", height: "Height" }[key]} of ${row} (percent of the page)`}
                          value={field[key]}
                          invalid={invalid(key)}
                          onCommit={(value) => setNumber(field, key, value)}
                        />
                      </td>
                    ))}
                    <td data-label="Text options">
                      {field.kind === "TEXT" ? (
                        <div className="field-text-options">
                          <label className="visually-hidden" htmlFor={`${id}-${index}-label`}>
                            Label of {row}
                          </label>
                          <input
                            id={`${id}-${index}-label`}
                            value={field.label}
                            placeholder="Label"
                            maxLength={100}
                            aria-invalid={invalid("label")}
                            onChange={(e) => onChange({ ...field, label: e.target.value })}
                          />
                          <span className="field checkbox">
                            <input
                              id={`${id}-${index}-required`}
                              type="checkbox"
                              checked={field.required}
                              onChange={(e) => onChange({ ...field, required: e.target.checked })}
                            />
                            <label htmlFor={`${id}-${index}-required`}>
                              Required<span className="visually-hidden"> ({row})</span>
                            </label>
                          </span>
                        </div>
                      ) : (
                        <span className="hint">—</span>
                      )}
                    </td>
                    <td>
                      <div className="access-actions">
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-pressed={field.key === selectedKey}
                          onClick={() => onSelect(field.key)}
                        >
                          Select<span className="visually-hidden"> {row}</span>
                        </button>
                        <button type="button" className="button button-secondary button-small" onClick={() => onRemove(field.key)}>
                          Delete<span className="visually-hidden"> {row}</span>
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** A percent input that applies on blur or Enter, so typing "1" on the way to "15" does not jump the box. */
function PercentInput({
  id,
  label,
  value,
  invalid,
  onCommit,
}: {
  id: string;
  label: string;
  value: number;
  invalid?: boolean;
  onCommit: (value: string) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(toPercent(value));
  const commit = () => {
    if (text !== null) onCommit(text);
    setText(null);
  };
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="percent-input"
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step={0.5}
        value={shown}
        aria-invalid={invalid}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
      />
    </>
  );
}
