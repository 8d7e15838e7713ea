import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { graphql } from "../../gql";
import type { WebhookEndpointsQuery } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { formatDateTime } from "../../shared/format";
import { problemOf } from "../../shared/results";
import { SecretNotice } from "./SecretNotice";

const SetWebhookEndpointEnabledDocument = graphql(`
  mutation SetWebhookEndpointEnabled($id: ID!, $enabled: Boolean!) {
    setWebhookEndpointEnabled(id: $id, enabled: $enabled) {
      __typename
      ... on UserError { message }
      ... on WebhookEndpointSuccess { endpoint { id enabled disabledAt disabledReason failingSince } }
    }
  }
`);

const RotateWebhookEndpointSecretDocument = graphql(`
  mutation RotateWebhookEndpointSecret($id: ID!) {
    rotateWebhookEndpointSecret(id: $id) {
      __typename
      ... on UserError { message }
      ... on WebhookEndpointCreated { secret endpoint { id url } }
    }
  }
`);

const DeleteWebhookEndpointDocument = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      __typename
      ... on UserError { message }
      ... on DeleteWebhookEndpointSuccess { id }
    }
  }
`);

type Endpoint = WebhookEndpointsQuery["webhookEndpoints"]["edges"][number]["node"];
type Pending = { kind: "rotate" | "delete"; endpoint: Endpoint } | null;

/** The business's endpoints with their state; turn on/off, rotate the secret, delete, open the delivery log. */
export function WebhookEndpointList({ endpoints, onChanged }: { endpoints: Endpoint[]; onChanged: () => void }) {
  const [pending, setPending] = useState<Pending>(null);
  const [rotated, setRotated] = useState<{ url: string; secret: string } | null>(null);
  const [setEnabled, enabling] = useMutation(SetWebhookEndpointEnabledDocument);
  const [rotate, rotating] = useMutation(RotateWebhookEndpointSecretDocument);
  const [remove, removing] = useMutation(DeleteWebhookEndpointDocument);
  const problem =
    problemOf(enabling.data?.setWebhookEndpointEnabled) ??
    problemOf(rotating.data?.rotateWebhookEndpointSecret) ??
    problemOf(removing.data?.deleteWebhookEndpoint);
  const error = enabling.error ?? rotating.error ?? removing.error;

  const confirm = async () => {
    if (!pending) return;
    if (pending.kind === "rotate") {
      const { data } = await rotate({ variables: { id: pending.endpoint.id } });
      const result = data?.rotateWebhookEndpointSecret;
      if (result?.__typename === "WebhookEndpointCreated") setRotated({ url: result.endpoint.url, secret: result.secret });
    } else {
      await remove({ variables: { id: pending.endpoint.id } });
      onChanged();
    }
    setPending(null);
  };

  return (
    <>
      {rotated && <SecretNotice title={`${rotated.url} has a new secret.`} secret={rotated.secret} onDone={() => setRotated(null)} />}
      {error && <ErrorMessage error={error} />}
      {problem && (
        <p className="alert alert-error" role="alert">
          {problem.message}
        </p>
      )}
      {endpoints.length === 0 ? (
        <p className="empty-state">No webhook endpoints yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Webhook endpoints</caption>
            <thead>
              <tr>
                <th scope="col">Endpoint</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((endpoint) => (
                <tr key={endpoint.id}>
                  <th scope="row">
                    <code>{endpoint.url}</code>
                    {endpoint.description && <div className="hint">{endpoint.description}</div>}
                  </th>
                  <td data-label="Events">
                    {endpoint.eventTypes.map((type) => (
                      <div key={type}>
                        <code>{type}</code>
                      </div>
                    ))}
                  </td>
                  <td data-label="Status">
                    {endpoint.enabled ? (
                      <span className="badge badge-active">Enabled</span>
                    ) : (
                      <span className="badge badge-revoked">Disabled {formatDateTime(endpoint.disabledAt)}</span>
                    )}
                    {endpoint.disabledReason && <div className="hint">{endpoint.disabledReason}</div>}
                    {endpoint.enabled && endpoint.failingSince && (
                      <div className="hint">Failing since {formatDateTime(endpoint.failingSince)}</div>
                    )}
                  </td>
                  <td data-label="Created">{formatDateTime(endpoint.createdAt)}</td>
                  <td data-label="Actions">
                    <div className="access-actions">
                      <Link className="button button-small button-secondary" to={`/admin/webhooks?endpoint=${endpoint.id}`}>
                        Delivery log
                      </Link>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        disabled={enabling.loading}
                        onClick={() => void setEnabled({ variables: { id: endpoint.id, enabled: !endpoint.enabled } })}
                      >
                        {endpoint.enabled ? "Disable" : "Enable"}
                      </button>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        onClick={() => setPending({ kind: "rotate", endpoint })}
                      >
                        Rotate secret
                      </button>
                      <button
                        type="button"
                        className="button button-small button-danger"
                        onClick={() => setPending({ kind: "delete", endpoint })}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={pending?.kind === "rotate" ? "Rotate the signing secret?" : "Delete this endpoint?"}
        confirmLabel={pending?.kind === "rotate" ? "Rotate secret" : "Delete endpoint"}
        danger={pending?.kind === "delete"}
        busy={rotating.loading || removing.loading}
        onCancel={() => setPending(null)}
        onConfirm={confirm}
      >
        <p>
          {pending?.kind === "rotate"
            ? "The old secret stops working at once: every delivery from now on, retries included, is signed with the new one."
            : `${pending?.endpoint.url ?? ""} stops receiving events and its delivery log is deleted. This cannot be undone.`}
        </p>
      </ConfirmDialog>
    </>
  );
}
