import { useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../../gql";
import type { WebhookDeliveryStatus } from "../../gql/graphql";
import { BackLink } from "../../shared/BackLink";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { formatDateTime } from "../../shared/format";
import { QueryState } from "../../shared/QueryState";
import { problemOf } from "../../shared/results";

const WebhookDeliveriesDocument = graphql(`
  query WebhookDeliveries($endpointId: ID!, $status: WebhookDeliveryStatus, $after: String) {
    webhookEndpoint(id: $endpointId) { id url enabled }
    webhookDeliveries(endpointId: $endpointId, status: $status, first: 25, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id eventType status attempts lastResponseCode lastError lastAttemptAt nextAttemptAt createdAt
          attemptLog { number manual startedAt durationMs responseCode error }
        }
      }
    }
  }
`);

const RedeliverWebhookDocument = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      __typename
      ... on UserError { message }
      ... on RedeliverWebhookSuccess { delivery { id status nextAttemptAt } }
    }
  }
`);

const STATUS_LABELS: Record<WebhookDeliveryStatus, [label: string, badge: string]> = {
  PENDING: ["Pending", "badge-invited"],
  SUCCEEDED: ["Delivered", "badge-active"],
  FAILED: ["Failed", "badge-revoked"],
};

/** One endpoint's delivery log, newest first: outcome, answer, attempts (each listed), and redeliver. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const [status, setStatus] = useState<WebhookDeliveryStatus | "">("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const { data, loading, error, refetch } = useQuery(WebhookDeliveriesDocument, {
    variables: { endpointId, status: status || null, after },
    pollInterval: 5000,
  });
  const [redeliver, redelivering] = useMutation(RedeliverWebhookDocument);
  const problem = problemOf(redelivering.data?.redeliverWebhook);

  return (
    <>
      <BackLink to="/admin/webhooks" label="All endpoints" />
      <h1>Delivery log</h1>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ webhookEndpoint, webhookDeliveries }) =>
          !webhookEndpoint ? (
            <p className="empty-state">This endpoint does not exist.</p>
          ) : (
            <>
              <p>
                <code>{webhookEndpoint.url}</code> {!webhookEndpoint.enabled && <span className="badge badge-revoked">Disabled</span>}
              </p>
              <p className="hint">Deliveries stay here for 30 days after they succeed or fail for good.</p>
              <div className="filters">
                <div className="field">
                  <label htmlFor="delivery-status">Status</label>
                  <select
                    id="delivery-status"
                    value={status}
                    onChange={(e) => {
                      setStatus(e.target.value as WebhookDeliveryStatus | "");
                      setCursors([null]);
                    }}
                  >
                    <option value="">All</option>
                    <option value="PENDING">Pending</option>
                    <option value="SUCCEEDED">Delivered</option>
                    <option value="FAILED">Failed</option>
                  </select>
                </div>
              </div>
              {redelivering.error && <ErrorMessage error={redelivering.error} />}
              {problem && (
                <p className="alert alert-error" role="alert">
                  {problem.message}
                </p>
              )}
              {webhookDeliveries.edges.length === 0 ? (
                <p className="empty-state">No deliveries yet.</p>
              ) : (
                <div className="table-scroll">
                  <table className="table">
                    <caption className="visually-hidden">Deliveries to {webhookEndpoint.url}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Event</th>
                        <th scope="col">Status</th>
                        <th scope="col">Response</th>
                        <th scope="col">Last attempt</th>
                        <th scope="col">Attempts</th>
                        <th scope="col">Actions</th>
                      </tr>
                    </thead>
                    <tbody>
                      {webhookDeliveries.edges.map(({ node }) => {
                        const [label, badge] = STATUS_LABELS[node.status];
                        return (
                          <tr key={node.id}>
                            <th scope="row">
                              <code>{node.eventType}</code>
                              <div className="hint">Queued {formatDateTime(node.createdAt)}</div>
                            </th>
                            <td data-label="Status">
                              <span className={`badge ${badge}`}>{label}</span>
                              {node.nextAttemptAt && <div className="hint">Next attempt {formatDateTime(node.nextAttemptAt)}</div>}
                            </td>
                            <td data-label="Response">
                              {node.lastResponseCode ?? "—"}
                              {node.lastError && <div className="hint">{node.lastError}</div>}
                            </td>
                            <td data-label="Last attempt">{formatDateTime(node.lastAttemptAt)}</td>
                            <td data-label="Attempts">
                              <details>
                                <summary>{node.attempts}</summary>
                                <ol>
                                  {node.attemptLog.map((attempt) => (
                                    <li key={attempt.number}>
                                      {formatDateTime(attempt.startedAt)}: {attempt.responseCode ?? attempt.error ?? "no answer"} in{" "}
                                      {attempt.durationMs} ms
                                      {attempt.manual ? " (redelivered)" : ""}
                                    </li>
                                  ))}
                                </ol>
                              </details>
                            </td>
                            <td data-label="Actions">
                              {node.status !== "PENDING" && webhookEndpoint.enabled && (
                                <button
                                  type="button"
                                  className="button button-small button-secondary"
                                  disabled={redelivering.loading}
                                  onClick={() => void redeliver({ variables: { deliveryId: node.id } }).then(() => refetch())}
                                >
                                  Redeliver
                                </button>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              <div className="actions">
                {cursors.length > 1 && (
                  <button type="button" className="button button-secondary" onClick={() => setCursors(cursors.slice(0, -1))}>
                    Newer
                  </button>
                )}
                {webhookDeliveries.pageInfo.hasNextPage && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setCursors([...cursors, webhookDeliveries.pageInfo.endCursor ?? null])}
                  >
                    Older
                  </button>
                )}
              </div>
            </>
          )
        }
      </QueryState>
    </>
  );
}
