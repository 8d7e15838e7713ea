import { useQuery } from "@apollo/client/react";
import { useSearchParams } from "react-router";
import { graphql } from "../../gql";
import { QueryState } from "../../shared/QueryState";
import { CreateWebhookForm } from "./CreateWebhookForm";
import { WebhookDeliveries } from "./WebhookDeliveries";
import { WebhookEndpointList } from "./WebhookEndpointList";

const WebhookEndpointsDocument = graphql(`
  query WebhookEndpoints {
    webhookEndpoints(first: 100) {
      edges { node { id url description eventTypes enabled disabledAt disabledReason failingSince createdAt } }
    }
    webhookEventTypes { name description producer }
  }
`);

/** Outbound webhooks: endpoints (the secret shown once), their state, and each one's delivery log (`?endpoint=<id>`). */
export function WebhooksPage() {
  const [params] = useSearchParams();
  const endpointId = params.get("endpoint");
  const { data, loading, error, refetch } = useQuery(WebhookEndpointsDocument, { skip: endpointId !== null });
  if (endpointId) return <WebhookDeliveries endpointId={endpointId} />;
  return (
    <>
      <h1>Webhooks</h1>
      <p>
        The portal POSTs the events you choose to your endpoints, signed per the{" "}
        <a href="https://www.standardwebhooks.com/" rel="noreferrer" target="_blank">
          Standard Webhooks
        </a>{" "}
        specification. Failed deliveries are retried for about a day; an endpoint that fails for 24 hours is disabled and the owner is
        emailed.
      </p>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ webhookEndpoints, webhookEventTypes }) => (
          <>
            <CreateWebhookForm eventTypes={webhookEventTypes} onCreated={() => void refetch()} />
            <WebhookEndpointList endpoints={webhookEndpoints.edges.map((edge) => edge.node)} onChanged={() => void refetch()} />
          </>
        )}
      </QueryState>
    </>
  );
}
