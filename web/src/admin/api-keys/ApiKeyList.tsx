import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../../gql";
import type { ApiKeysQuery } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { formatDateTime, titleCase } from "../../shared/format";
import { problemOf } from "../../shared/results";

const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on UserError { message }
      ... on ApiKeyRevoked { apiKey { id revokedAt } }
    }
  }
`);

type ApiKey = ApiKeysQuery["apiKeys"]["edges"][number]["node"];

export function ApiKeyList({ keys }: { keys: ApiKey[] }) {
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const [revokeApiKey, { data, loading, error }] = useMutation(RevokeApiKeyDocument);
  const problem = problemOf(data?.revokeApiKey);

  if (keys.length === 0) return <p className="empty-state">No API keys yet.</p>;
  return (
    <>
      {error && <ErrorMessage error={error} />}
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">API keys</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Key</th>
              <th scope="col">Scopes</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((key) => (
              <tr key={key.id}>
                <th scope="row">{key.name}</th>
                <td data-label="Key">
                  <code>{key.prefix}…</code>
                </td>
                <td data-label="Scopes">{key.scopes.map(titleCase).join(", ")}</td>
                <td data-label="Created">{formatDateTime(key.createdAt)}</td>
                <td data-label="Last used">{formatDateTime(key.lastUsedAt, "Never")}</td>
                <td data-label="Status">
                  {key.revokedAt ? (
                    <span className="badge badge-revoked">Revoked {formatDateTime(key.revokedAt)}</span>
                  ) : (
                    <button type="button" className="button button-small button-danger" onClick={() => setRevoking(key)}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke "${revoking?.name ?? ""}"?`}
        confirmLabel="Revoke key"
        danger
        busy={loading}
        onCancel={() => setRevoking(null)}
        onConfirm={async () => {
          if (revoking) await revokeApiKey({ variables: { id: revoking.id } });
          setRevoking(null);
        }}
      >
        <p>Integrations using this key stop working at once. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
