import { useMutation } from "@apollo/client/react";
import { useRef, useState, type FormEvent } from "react";
import { graphql } from "../../gql";
import type { NotificationTemplatesQuery } from "../../gql/graphql";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { Field, TextAreaField } from "../../shared/Field";
import { formatDateTime } from "../../shared/format";
import { generalMessage, messageFor, problemOf, type Problem } from "../../shared/results";
import { TemplatePreview } from "./TemplatePreview";

const TemplateResultFields = graphql(`
  fragment TemplateResult on NotificationTemplateResult {
    __typename
    ... on UserError { message }
    ... on ValidationError { field }
    ... on NotificationTemplateSuccess { template { key subject body placeholders isCustom updatedAt } }
  }
`);
void TemplateResultFields;

const UpdateTemplateDocument = graphql(`
  mutation UpdateNotificationTemplate($input: NotificationTemplateInput!) {
    updateNotificationTemplate(input: $input) { ...TemplateResult }
  }
`);

const ResetTemplateDocument = graphql(`
  mutation ResetNotificationTemplate($key: NotificationTemplateKey!) {
    resetNotificationTemplate(key: $key) { ...TemplateResult }
  }
`);

type Template = NotificationTemplatesQuery["notificationTemplates"][number];

/** Subject and body with placeholders, a live preview beside them, save or go back to the default. */
export function TemplateEditor({ template }: { template: Template }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState("");
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const refetchQueries = ["NotificationTemplates"];
  const [update, updating] = useMutation(UpdateTemplateDocument, { refetchQueries });
  const [reset, resetting] = useMutation(ResetTemplateDocument, { refetchQueries });

  const applyResult = (result: ({ __typename: string } & Record<string, unknown>) | undefined, done: string) => {
    if (!result) return;
    const failure = problemOf(result);
    setProblem(failure);
    setStatus(failure ? "" : done);
    if (result.__typename === "NotificationTemplateSuccess" && "template" in result) {
      const saved = result.template as Template;
      setSubject(saved.subject);
      setBody(saved.body);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await update({ variables: { input: { key: template.key, subject, body } } });
    applyResult(data?.updateNotificationTemplate, "Saved");
  };

  const restoreDefault = async () => {
    const { data } = await reset({ variables: { key: template.key } });
    applyResult(data?.resetNotificationTemplate, "Default restored");
  };

  const insertPlaceholder = (placeholder: string) => {
    const textarea = bodyRef.current;
    const token = asTyped(placeholder);
    const start = textarea?.selectionStart ?? body.length;
    const end = textarea?.selectionEnd ?? body.length;
    setBody(body.slice(0, start) + token + body.slice(end));
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const general = generalMessage(problem, ["subject", "body"]);
  const error = updating.error ?? resetting.error;
  return (
    <div className="editor-layout">
      <form className="card" onSubmit={save} noValidate>
        <p className="hint">{template.isCustom ? `Customised ${formatDateTime(template.updatedAt)}` : "Using the default template"}</p>
        <Field
          label="Subject"
          name="subject"
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          error={messageFor(problem, "subject")}
        />
        <TextAreaField
          ref={bodyRef}
          label="Body"
          name="body"
          rows={12}
          value={body}
          className="code-input"
          onChange={(e) => setBody(e.target.value)}
          error={messageFor(problem, "body")}
        />
        <div className="placeholders">
          <p id="placeholders-title" className="hint">
            Placeholders (click to insert at the cursor):
          </p>
          <ul aria-labelledby="placeholders-title" className="chip-list">
            {template.placeholders.map((placeholder) => (
              <li key={placeholder}>
                <button type="button" className="chip" onClick={() => insertPlaceholder(placeholder)}>
                  {asTyped(placeholder)}
                </button>
              </li>
            ))}
          </ul>
        </div>
        {general && (
          <p className="alert alert-error" role="alert">
            {general}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <div className="actions">
          <button type="submit" className="button" disabled={updating.loading}>
            {updating.loading ? "Saving…" : "Save template"}
          </button>
          {template.isCustom && (
            <button type="button" className="button button-secondary" onClick={restoreDefault} disabled={resetting.loading}>
              Restore default
            </button>
          )}
          <span role="status">{status}</span>
        </div>
      </form>
      <TemplatePreview templateKey={template.key} subject={subject} body={body} />
    </div>
  );
}

/** Placeholders come as typed (`{{link}}`); tolerate bare names too. */
function asTyped(placeholder: string): string {
  return placeholder.startsWith("{{") ? placeholder : `{{${placeholder}}}`;
}
