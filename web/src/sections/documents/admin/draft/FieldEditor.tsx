import { useMutation } from "@apollo/client/react";
import { useEffect, useId, useRef, useState, type MouseEvent } from "react";
import { PdfPages, type PdfPageGeometry } from "../../shared/PdfPages";
import type { AdminDocumentDetailFragment } from "../../../../gql/graphql";
import { ErrorMessage } from "../../../../shared/ErrorMessage";
import { problemOf, type Problem } from "../../../../shared/results";
import { SetDocumentFieldsDocument } from "../documentOperations";
import {
  boxAt,
  FIELD_KIND_LABELS,
  FIELD_KINDS,
  keepOnPage,
  presetOf,
  presetSize,
  SIZE_PRESETS,
  type FieldKind,
  type PageSize,
  type SizePreset,
} from "../fieldGeometry";
import { colourOf, draftsOf, fieldsKey, newFieldKey, toFieldInputs, type FieldDraft } from "./fieldDrafts";
import { FieldList } from "./FieldList";
import { PlacedField } from "./PlacedField";
import { isMissingSignatureField } from "./SendPanel";

interface FieldEditorProps {
  document: AdminDocumentDetailFragment;
  /** A send refusal about fields, shown here. */
  sendProblem: Problem | null;
  onDirtyChange: (dirty: boolean) => void;
}

/**
 * Field placement on the rendered pages: choose a signer and a kind, click a page to place a box,
 * drag or use the keyboard to adjust it; a list below offers the same with plain inputs. Saved as
 * a whole with setDocumentFields.
 */
export function FieldEditor({ document, sendProblem, onDirtyChange }: FieldEditorProps) {
  const id = useId();
  const signers = document.recipients.filter((r) => r.role === "SIGNER");
  const signerIds = new Set(signers.map((r) => r.id));
  const colours = new Map(signers.map((r, index) => [r.id, colourOf(index)]));
  const names = new Map(document.recipients.map((r) => [r.id, r.name]));
  const pages: PageSize[] = document.pages;
  const pageOf = (number: number) => pages.find((p) => p.number === number);

  const savedKey = fieldsKey(draftsOf(document));
  const [all, setFields] = useState<FieldDraft[]>(() => draftsOf(document));
  const [baseline, setBaseline] = useState(savedKey);
  // Fields of recipients who are no longer signers are gone (the server drops them too).
  const fields = all.filter((f) => signerIds.has(f.recipientId));
  const dirty = fieldsKey(fields) !== baseline;
  // A change saved on the server (here, by the recipients part dropping fields, or by someone
  // else) becomes the baseline; it replaces what is shown unless there are edits here.
  useEffect(() => {
    if (fieldsKey(fields) === savedKey) setBaseline(savedKey);
    else if (!dirty && savedKey !== baseline) {
      setFields(draftsOf(document));
      setBaseline(savedKey);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedKey]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const [recipientId, setRecipientId] = useState(signers[0]?.id ?? "");
  const activeRecipient = signerIds.has(recipientId) ? recipientId : (signers[0]?.id ?? "");
  const [kind, setKind] = useState<FieldKind>("SIGNATURE");
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = fields.find((f) => f.key === selectedKey) ?? null;
  const [announcement, setAnnouncement] = useState("");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState("");
  const [save, saving] = useMutation(SetDocumentFieldsDocument);
  const placedHeading = useRef<HTMLHeadingElement>(null);

  const describe = (field: FieldDraft) =>
    `${FIELD_KIND_LABELS[field.kind]} field for ${names.get(field.recipientId) ?? "recipient"} on page ${field.page}`;
  const edit = (next: FieldDraft[]) => {
    setNotice("");
    setProblem(null);
    setFields(next);
  };
  const add = (field: FieldDraft) => {
    edit([...fields, field]);
    setSelectedKey(field.key);
    setAnnouncement(`${describe(field)} placed.`);
  };
  const update = (next: FieldDraft) => edit(fields.map((f) => (f.key === next.key ? next : f)));
  const remove = (key: string) => {
    const field = fields.find((f) => f.key === key);
    edit(fields.filter((f) => f.key !== key));
    if (selectedKey === key) setSelectedKey(null);
    if (field) setAnnouncement(`${describe(field)} removed.`);
    placedHeading.current?.focus();
  };
  const newField = (page: PageSize, x: number, y: number, fieldKind = kind, forRecipient = activeRecipient): FieldDraft => ({
    key: newFieldKey(),
    recipientId: forRecipient,
    kind: fieldKind,
    label: "",
    required: true,
    ...boxAt(fieldKind, page, x, y),
  });

  const placeAt = (geometry: PdfPageGeometry) => (event: MouseEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || !activeRecipient) return;
    const page = pageOf(geometry.number) ?? {
      number: geometry.number,
      width: geometry.width / geometry.scale,
      height: geometry.height / geometry.scale,
    };
    const rect = event.currentTarget.getBoundingClientRect();
    add(newField(page, (event.clientX - rect.left) / (rect.width || 1), (event.clientY - rect.top) / (rect.height || 1)));
  };

  const submit = async () => {
    setNotice("");
    const result = (await save({ variables: { documentId: document.id, fields: toFieldInputs(fields) } })).data?.setDocumentFields;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "DocumentSuccess") {
      const savedFields = draftsOf(result.document);
      setBaseline(fieldsKey(savedFields));
      setFields(savedFields);
      setSelectedKey(null);
      setNotice(fields.length === 1 ? "1 field saved." : `${fields.length} fields saved.`);
    }
  };

  const shown =
    problem ?? (sendProblem?.field?.startsWith("fields") || isMissingSignatureField(sendProblem, document) ? sendProblem : null);
  const rowProblem = (index: number) => {
    const match = shown?.field?.match(/^fields\.(\d+)(?:\.(\w+))?$/);
    return match && Number(match[1]) === index ? { field: match[2] ?? "", message: shown!.message } : null;
  };
  const general = shown && !/^fields\.\d+/.test(shown.field ?? "") ? shown.message : undefined;

  if (document.pageCount === 0 || !document.originalPdfUrl) {
    return (
      <section className="card" aria-labelledby={`${id}-title`} id="document-fields">
        <h2 id={`${id}-title`}>Fields</h2>
        <p className="hint">Upload the PDF first; then place each signer's fields on its pages.</p>
      </section>
    );
  }
  const selectedPage = selected ? pageOf(selected.page) : undefined;
  return (
    <section className="card" aria-labelledby={`${id}-title`} id="document-fields">
      <h2 id={`${id}-title`}>Fields</h2>
      {signers.length === 0 && (
        <p className="alert alert-info">Add a recipient with the Signer role and save the recipients to place fields for them.</p>
      )}
      <div className="field-editor">
        <div className="field-editor-pages">
          <PdfPages
            key={document.originalSha256 ?? document.originalPdfUrl}
            url={document.originalPdfUrl}
            label={`${document.title}: pages for field placement`}
            overlay={(geometry) => (
              <div
                className={`field-layer pdf-overlay-item ${activeRecipient ? "field-layer-placing" : ""}`}
                data-testid={`field-layer-${geometry.number}`}
                onClick={placeAt(geometry)}
              >
                {fields
                  .filter((f) => f.page === geometry.number)
                  .map((field) => (
                    <PlacedField
                      key={field.key}
                      field={field}
                      recipientName={names.get(field.recipientId) ?? "Recipient"}
                      colour={colours.get(field.recipientId) ?? "#5a6270"}
                      selected={field.key === selectedKey}
                      onSelect={() => setSelectedKey(field.key)}
                      onChange={update}
                      onRemove={() => remove(field.key)}
                    />
                  ))}
              </div>
            )}
          />
        </div>
        <aside className="field-editor-panel" aria-label="Field placement tools">
          {signers.length > 0 && (
            <>
              <fieldset className="fieldset">
                <legend>Place fields for</legend>
                {signers.map((signer) => (
                  <div className="field checkbox" key={signer.id}>
                    <input
                      id={`${id}-signer-${signer.id}`}
                      type="radio"
                      name={`${id}-signer`}
                      value={signer.id}
                      checked={activeRecipient === signer.id}
                      onChange={() => setRecipientId(signer.id)}
                    />
                    <label htmlFor={`${id}-signer-${signer.id}`}>
                      <span className="recipient-swatch" style={{ background: colours.get(signer.id) }} aria-hidden="true" />
                      {signer.name}
                    </label>
                  </div>
                ))}
              </fieldset>
              <fieldset className="fieldset">
                <legend>Field</legend>
                {FIELD_KINDS.map((fieldKind) => (
                  <div className="field checkbox" key={fieldKind}>
                    <input
                      id={`${id}-kind-${fieldKind}`}
                      type="radio"
                      name={`${id}-kind`}
                      value={fieldKind}
                      checked={kind === fieldKind}
                      onChange={() => setKind(fieldKind)}
                    />
                    <label htmlFor={`${id}-kind-${fieldKind}`}>{FIELD_KIND_LABELS[fieldKind]}</label>
                  </div>
                ))}
              </fieldset>
              <p className="hint">
                Click a page to place a {FIELD_KIND_LABELS[kind].toLowerCase()} field for {names.get(activeRecipient)}. Drag a box to move
                it and its corner to resize. A focused box moves with the arrow keys, resizes with Shift and the arrow keys, and Delete
                removes it.
              </p>
            </>
          )}
          {selected && (
            <div className="selected-field" aria-label="Selected field" role="group">
              <h3>Selected: {FIELD_KIND_LABELS[selected.kind]}</h3>
              <p className="hint">
                {names.get(selected.recipientId)}, page {selected.page}
              </p>
              <div className="field">
                <label htmlFor={`${id}-selected-size`}>Size</label>
                <select
                  id={`${id}-selected-size`}
                  value={presetOf(selected.kind, selected, selectedPage)}
                  onChange={(event) => {
                    const preset = event.target.value as SizePreset | "";
                    if (!preset || !selectedPage) return;
                    update(keepOnPage({ ...selected, ...presetSize(selected.kind, selectedPage, preset) }));
                  }}
                >
                  <option value="">Custom</option>
                  {SIZE_PRESETS.map((p) => (
                    <option key={p.preset} value={p.preset}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </div>
              {selected.kind === "TEXT" && (
                <>
                  <div className="field">
                    <label htmlFor={`${id}-selected-label`}>Label</label>
                    <input
                      id={`${id}-selected-label`}
                      value={selected.label}
                      maxLength={100}
                      placeholder="e.g. Company name"
                      onChange={(event) => update({ ...selected, label: event.target.value })}
                    />
                  </div>
                  <div className="field checkbox">
                    <input
                      id={`${id}-selected-required`}
                      type="checkbox"
                      checked={selected.required}
                      onChange={(event) => update({ ...selected, required: event.target.checked })}
                    />
                    <label htmlFor={`${id}-selected-required`}>Required</label>
                  </div>
                </>
              )}
              <button type="button" className="button button-secondary button-small" onClick={() => remove(selected.key)}>
                Delete selected field
              </button>
            </div>
          )}
          <div className="field-editor-save">
            {general && (
              <p className="alert alert-error" role="alert">
                {general}
              </p>
            )}
            {saving.error && <ErrorMessage error={saving.error} />}
            <button type="button" className="button" disabled={saving.loading || !dirty} onClick={() => void submit()}>
              {saving.loading ? "Saving…" : "Save fields"}
            </button>
            {dirty && (
              <p className="unsaved-indicator" role="status">
                Unsaved changes
              </p>
            )}
            <p aria-live="polite">{notice && <span className="outcome">{notice}</span>}</p>
          </div>
        </aside>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <FieldList
        headingRef={placedHeading}
        fields={fields}
        signers={signers}
        pages={pages}
        selectedKey={selectedKey}
        names={names}
        colours={colours}
        rowProblem={rowProblem}
        onSelect={setSelectedKey}
        onChange={update}
        onRemove={remove}
        onAdd={(fieldKind, forRecipient, pageNumber) => {
          const page = pageOf(pageNumber);
          if (page) add(newField(page, 0.5, 0.5, fieldKind, forRecipient));
        }}
      />
    </section>
  );
}
