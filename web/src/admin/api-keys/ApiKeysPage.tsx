import { useQuery } from "@apollo/client/react";
import { graphql } from "../../gql";
import { QueryState } from "../../shared/QueryState";
import { ApiKeyList } from "./ApiKeyList";
import { CreateApiKeyForm } from "./CreateApiKeyForm";

const ApiKeysDocument = graphql(`
  query ApiKeys($first: Int, $after: String) {
    apiKeys(first: $first, after: $after) {
      edges { cursor node { id name prefix scopes createdAt lastUsedAt revokedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Keys for integrators: create (the secret is shown once), see usage, revoke. */
export function ApiKeysPage() {
  const { data, loading, error, refetch, fetchMore } = useQuery(ApiKeysDocument, { variables: { first: 50 } });
  return (
    <>
      <h1>API keys</h1>
      <p>
        Integrations call the GraphQL API with <code>Authorization: Bearer &lt;key&gt;</code>. Keys act for this business only.
      </p>
      <CreateApiKeyForm onCreated={() => void refetch()} />
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ apiKeys }) => (
          <>
            <ApiKeyList keys={apiKeys.edges.map((edge) => edge.node)} />
            {apiKeys.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void fetchMore({ variables: { after: apiKeys.pageInfo.endCursor } })}
              >
                Load more
              </button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
