import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../../gql";
import type { NotificationTemplateKey } from "../../gql/graphql";
import { QueryState } from "../../shared/QueryState";
import { TemplateEditor } from "./TemplateEditor";
import { templateName } from "./templateNames";

export const NotificationTemplatesDocument = graphql(`
  query NotificationTemplates {
    notificationTemplates { key subject body placeholders isCustom updatedAt }
  }
`);

export function TemplatesPage() {
  const [selected, setSelected] = useState<NotificationTemplateKey>("INVITATION");
  const { data, loading, error, refetch } = useQuery(NotificationTemplatesDocument);
  return (
    <>
      <h1>Email templates</h1>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ notificationTemplates }) => {
          const template = notificationTemplates.find((t) => t.key === selected) ?? notificationTemplates[0];
          return (
            <>
              <div className="field">
                <label htmlFor="template-key">Template</label>
                <select
                  id="template-key"
                  value={template?.key ?? ""}
                  onChange={(e) => setSelected(e.target.value as NotificationTemplateKey)}
                >
                  {notificationTemplates.map((t) => (
                    <option key={t.key} value={t.key}>
                      {templateName(t.key)}
                      {t.isCustom ? " (customised)" : ""}
                    </option>
                  ))}
                </select>
              </div>
              {template ? <TemplateEditor key={template.key} template={template} /> : <p>No templates.</p>}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
