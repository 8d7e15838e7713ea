import { useQuery } from "@apollo/client/react";
import { Link, useLocation } from "react-router";
import { graphql } from "../../../gql";
import { useSectionEnabled } from "../../../portal/useSectionEnabled";
import { QueryState } from "../../../shared/QueryState";

const PortalCommunityGroupsDocument = graphql(`
  query PortalCommunityGroups {
    communityGroups(first: 100) {
      totalCount
      edges { node { id name description coverImageUrl memberCount unreadCount } }
    }
  }
`);

/** The groups the client belongs to, by name, with what is new in each since their last visit. */
export function CommunitiesPage() {
  const enabled = useSectionEnabled("COMMUNITIES");
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch } = useQuery(PortalCommunityGroupsDocument, { fetchPolicy: "cache-and-network" });
  if (enabled === false) {
    return (
      <>
        <h1>Communities</h1>
        <p className="empty-state">
          Communities are not available in this portal. <Link to="/">Back to home</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Communities</h1>
      <div aria-live="polite">
        {notice && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
      </div>
      <QueryState loading={loading} error={error} data={data} loadingLabel="Loading your groups…" onRetry={() => void refetch()}>
        {({ communityGroups }) =>
          communityGroups.edges.length === 0 ? (
            <p className="empty-state" data-testid="no-groups">
              You are not in any group yet. When you are added to one, it will appear here.
            </p>
          ) : (
            <ul className="plain-list community-group-list" aria-label="Your groups">
              {communityGroups.edges.map(({ node: group }) => (
                <li key={group.id} className="card community-group-item">
                  {group.coverImageUrl ? (
                    <img className="community-group-thumb" src={group.coverImageUrl} alt="" />
                  ) : (
                    <span className="community-group-thumb community-group-thumb-empty" aria-hidden="true">
                      {group.name.charAt(0).toUpperCase()}
                    </span>
                  )}
                  <div className="community-group-text">
                    <h2 className="community-group-name">
                      <Link to={`/communities/${group.id}`}>{group.name}</Link>
                    </h2>
                    {group.description && <p className="community-group-description">{group.description}</p>}
                    <p className="hint">{group.memberCount === 1 ? "1 member" : `${group.memberCount} members`}</p>
                  </div>
                  {group.unreadCount > 0 && (
                    <span className="badge community-unread" data-testid="group-unread">
                      {group.unreadCount} new<span className="visually-hidden"> {group.unreadCount === 1 ? "post" : "posts"}</span>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </>
  );
}
