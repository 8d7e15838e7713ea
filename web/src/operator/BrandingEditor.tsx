import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { BrandMark, readableTextOn, type BrandingValues } from "../shared/branding";
import { ErrorMessage } from "../shared/ErrorMessage";
import { Field } from "../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../shared/results";

const UpdateBrandingDocument = graphql(`
  mutation UpdateBranding($businessId: ID!, $input: BrandingInput!) {
    updateBranding(businessId: $businessId, input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on BusinessSuccess { business { id branding { displayName logoUrl primaryColor accentColor } } }
    }
  }
`);

const FIELDS = ["displayName", "logoUrl", "primaryColor", "accentColor"];

export function BrandingEditor({ businessId, branding }: { businessId: string; branding: BrandingValues }) {
  const [draft, setDraft] = useState({
    displayName: branding.displayName,
    logoUrl: branding.logoUrl ?? "",
    primaryColor: branding.primaryColor,
    accentColor: branding.accentColor,
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [updateBranding, { loading, error }] = useMutation(UpdateBrandingDocument);
  const set = (field: keyof typeof draft, value: string) => setDraft((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const input = { ...draft, displayName: draft.displayName.trim(), logoUrl: draft.logoUrl.trim() || null };
    const { data } = await updateBranding({ variables: { businessId, input } });
    if (!data) return;
    const failure = problemOf(data.updateBranding);
    setProblem(failure);
    setSaved(!failure);
  };

  const preview = { __typename: "Branding" as const, ...draft, logoUrl: draft.logoUrl.trim() || null };
  const general = generalMessage(problem, FIELDS);
  return (
    <section className="card" aria-labelledby="branding-title">
      <h2 id="branding-title">Branding</h2>
      <div className="editor-layout">
        <form onSubmit={submit} noValidate>
          <Field
            label="Display name"
            name="displayName"
            value={draft.displayName}
            onChange={(e) => set("displayName", e.target.value)}
            error={messageFor(problem, "displayName")}
          />
          <Field
            label="Logo URL"
            name="logoUrl"
            type="url"
            value={draft.logoUrl}
            hint="https://… (leave empty for none)"
            onChange={(e) => set("logoUrl", e.target.value)}
            error={messageFor(problem, "logoUrl")}
          />
          <ColourField
            label="Primary colour"
            value={draft.primaryColor}
            onChange={(v) => set("primaryColor", v)}
            error={messageFor(problem, "primaryColor")}
          />
          <ColourField
            label="Accent colour"
            value={draft.accentColor}
            onChange={(v) => set("accentColor", v)}
            error={messageFor(problem, "accentColor")}
          />
          {general && (
            <p className="alert alert-error" role="alert">
              {general}
            </p>
          )}
          {error && <ErrorMessage error={error} />}
          <div className="actions">
            <button type="submit" className="button" disabled={loading}>
              {loading ? "Saving…" : "Save branding"}
            </button>
            <span role="status">{saved ? "Saved" : ""}</span>
          </div>
        </form>
        <BrandingPreview branding={preview} />
      </div>
    </section>
  );
}

function ColourField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const id = `colour-${label.replace(/\s+/g, "-").toLowerCase()}`;
  return (
    <div className="field colour-field">
      <label htmlFor={id}>{label}</label>
      <div className="colour-inputs">
        <input
          type="color"
          aria-label={`${label} picker`}
          value={/^#[0-9a-f]{6}$/i.test(value) ? value : "#000000"}
          onChange={(e) => onChange(e.target.value)}
        />
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          pattern="#[0-9a-fA-F]{6}"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** How the portal header and a button will look with the draft branding, before saving. */
function BrandingPreview({ branding }: { branding: BrandingValues }) {
  return (
    <figure className="branding-preview" aria-label="Branding preview">
      <div className="topbar" style={{ background: branding.primaryColor, color: readableTextOn(branding.primaryColor) }}>
        <BrandMark branding={branding} />
      </div>
      <div className="branding-preview-body">
        <p>Welcome to {branding.displayName || "your portal"}.</p>
        <span className="button" style={{ background: branding.accentColor, color: readableTextOn(branding.accentColor) }}>
          Sample button
        </span>
      </div>
      <figcaption className="hint">Live preview</figcaption>
    </figure>
  );
}
