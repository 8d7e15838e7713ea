import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { graphql } from "../gql";
import { formatDateTime } from "../shared/format";
import { QueryState } from "../shared/QueryState";
import { useDebouncedValue } from "../shared/useDebouncedValue";

const BusinessesDocument = graphql(`
  query Businesses($first: Int, $after: String, $search: String) {
    businesses(first: $first, after: $after, search: $search) {
      totalCount
      edges { cursor node { id name slug hostNames createdAt branding { displayName primaryColor } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export function BusinessesPage() {
  const [search, setSearch] = useState("");
  const settledSearch = useDebouncedValue(search.trim());
  const { data, loading, error, refetch, fetchMore } = useQuery(BusinessesDocument, {
    variables: { first: 25, search: settledSearch || null },
  });
  return (
    <>
      <div className="page-heading">
        <h1>Businesses</h1>
        <Link to="/operator/businesses/new" className="button">
          New business
        </Link>
      </div>
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="business-search">Search</label>
          <input id="business-search" type="search" placeholder="Name or slug" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ businesses }) => (
          <>
            <p className="hint">{businesses.totalCount} businesses</p>
            {businesses.edges.length === 0 ? (
              <p className="empty-state">No businesses match.</p>
            ) : (
              <ul className="card-grid">
                {businesses.edges.map(({ node }) => (
                  <li key={node.id} className="card business-card">
                    <span className="swatch" style={{ background: node.branding.primaryColor }} aria-hidden="true" />
                    <h2>
                      <Link to={`/operator/businesses/${node.id}`}>{node.name}</Link>
                    </h2>
                    <p className="hint">
                      {node.slug} · {node.hostNames.join(", ") || "no custom host"} · since {formatDateTime(node.createdAt)}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            {businesses.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void fetchMore({ variables: { after: businesses.pageInfo.endCursor } })}
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
