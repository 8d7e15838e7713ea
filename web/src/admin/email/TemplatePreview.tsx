import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import type { NotificationTemplateKey } from "../../gql/graphql";
import { describeError } from "../../shared/ErrorMessage";
import { QueryState } from "../../shared/QueryState";
import { SandboxedHtml } from "../../shared/SandboxedHtml";
import { useDebouncedValue } from "../../shared/useDebouncedValue";

const PreviewTemplateDocument = graphql(`
  query PreviewNotificationTemplate($input: NotificationTemplateInput!) {
    previewNotificationTemplate(input: $input) { subject html text }
  }
`);

interface TemplatePreviewProps {
  templateKey: NotificationTemplateKey;
  subject: string;
  body: string;
}

/** The email as a sample contact would get it, with the business's branding; follows typing. */
export function TemplatePreview({ templateKey, subject, body }: TemplatePreviewProps) {
  const settledSubject = useDebouncedValue(subject, 400);
  const settledBody = useDebouncedValue(body, 400);
  const { data, previousData, loading, error, refetch } = useQuery(PreviewTemplateDocument, {
    variables: { input: { key: templateKey, subject: settledSubject, body: settledBody } },
  });
  const shown = data ?? previousData;
  return (
    <section className="card preview" aria-labelledby="preview-title" aria-busy={loading}>
      <h2 id="preview-title">Preview</h2>
      {error && shown && (
        <p className="alert alert-error" role="alert">
          Preview not updated: {describeError(error)}
        </p>
      )}
      <QueryState loading={loading} error={error} data={shown} onRetry={() => void refetch()}>
        {({ previewNotificationTemplate: preview }) => (
          <>
            <p>
              <strong>Subject:</strong> <span data-testid="preview-subject">{preview.subject}</span>
            </p>
            <SandboxedHtml html={preview.html} title="Email preview" />
          </>
        )}
      </QueryState>
    </section>
  );
}
