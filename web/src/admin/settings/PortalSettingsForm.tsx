import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../../gql";
import type { BusinessSettingsQuery } from "../../gql/graphql";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { TextAreaField } from "../../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../../shared/results";
import { EXISTING_SECTIONS, SECTION_INFO, type ExistingSection } from "../../portal/sections";

const UpdatePortalSettingsDocument = graphql(`
  mutation UpdatePortalSettings($input: PortalSettingsInput!) {
    updatePortalSettings(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on PortalSettingsSuccess {
        settings { welcomeMessage sections { section enabled } }
      }
    }
  }
`);

type Settings = NonNullable<BusinessSettingsQuery["business"]>["settings"];

/**
 * Welcome message and which sections clients see; saved together. Only sections that exist are
 * offered (and saved): the flags identity keeps for planned ones stay as they are.
 */
export function PortalSettingsForm({ settings }: { settings: Settings }) {
  const [welcomeMessage, setWelcomeMessage] = useState(settings.welcomeMessage);
  const [enabled, setEnabled] = useState<Record<string, boolean>>(Object.fromEntries(settings.sections.map((s) => [s.section, s.enabled])));
  const offered = EXISTING_SECTIONS.filter((section) => settings.sections.some((s) => s.section === section));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [save, { loading, error }] = useMutation(UpdatePortalSettingsDocument, {
    refetchQueries: ["BusinessSettings"],
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const sections = offered.map((section) => ({ section, enabled: Boolean(enabled[section]) }));
    const { data } = await save({ variables: { input: { welcomeMessage, sections } } });
    if (!data) return;
    const failure = problemOf(data.updatePortalSettings);
    setProblem(failure);
    setSaved(!failure);
  };

  const general = generalMessage(problem, ["welcomeMessage", "sections"]);
  return (
    <form className="card" onSubmit={submit} noValidate>
      <TextAreaField
        label="Welcome message"
        name="welcomeMessage"
        rows={4}
        value={welcomeMessage}
        hint="Shown at the top of every client's dashboard."
        onChange={(e) => setWelcomeMessage(e.target.value)}
        error={messageFor(problem, "welcomeMessage")}
      />
      <fieldset className="fieldset">
        <legend>Sections clients can see</legend>
        {offered.map((section) => (
          <SectionToggle
            key={section}
            section={section}
            checked={Boolean(enabled[section])}
            onChange={(on) => setEnabled((current) => ({ ...current, [section]: on }))}
          />
        ))}
        {messageFor(problem, "sections") && <p className="field-error">{messageFor(problem, "sections")}</p>}
      </fieldset>
      {general && (
        <p className="alert alert-error" role="alert">
          {general}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Saving…" : "Save settings"}
        </button>
        <span role="status">{saved ? "Saved" : ""}</span>
      </div>
    </form>
  );
}

function SectionToggle({ section, checked, onChange }: { section: ExistingSection; checked: boolean; onChange: (on: boolean) => void }) {
  const id = `section-${section.toLowerCase()}`;
  return (
    <div className="field checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{SECTION_INFO[section].title}</label>
    </div>
  );
}
