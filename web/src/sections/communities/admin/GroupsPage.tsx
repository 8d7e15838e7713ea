import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { formatDateTime } from "../../../shared/format";
import { QueryState } from "../../../shared/QueryState";
import { useDebouncedValue } from "../../../shared/useDebouncedValue";
import { useLoadMore } from "../../../shared/useLoadMore";
import { AdminCommunityGroupsDocument, OpenCommunityReportCountDocument } from "./groupOperations";

const PAGE_SIZE = 25;

/** The business's groups by name (archived ones on request), with the reports waiting for staff. */
export function GroupsPage() {
  const [search, setSearch] = useState("");
  const [includeArchived, setIncludeArchived] = useState(false);
  const deferred = useDebouncedValue(search.trim());
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminCommunityGroupsDocument, {
    variables: { first: PAGE_SIZE, search: deferred || null, includeArchived },
    notifyOnNetworkStatusChange: true,
    fetchPolicy: "cache-and-network",
  });
  const reports = useQuery(OpenCommunityReportCountDocument, { fetchPolicy: "cache-and-network" });
  const openReports = reports.data?.communityReports.totalCount ?? 0;
  const { loadingMore, loadMore } = useLoadMore(fetchMore);
  return (
    <>
      <div className="page-heading">
        <h1>Communities</h1>
        <div className="actions">
          <Link to="/admin/communities/reports" className="button button-secondary">
            Reports{openReports > 0 && <span className="badge community-unread">{openReports} open</span>}
          </Link>
          <Link to="/admin/communities/new" className="button">
            New group
          </Link>
        </div>
      </div>
      <div aria-live="polite">
        {notice && (
          <p className="alert alert-success" role="status">
            {notice}
          </p>
        )}
      </div>
      <div className="filters filters-compact" role="search" aria-label="Filter groups">
        <div className="field">
          <label htmlFor="group-search">Name</label>
          <input id="group-search" type="search" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="field checkbox">
          <input id="group-archived" type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          <label htmlFor="group-archived">Show archived groups</label>
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
        {({ communityGroups }) => (
          <>
            <p className="hint" aria-live="polite">
              {communityGroups.totalCount === 1 ? "1 group" : `${communityGroups.totalCount} groups`}
            </p>
            {communityGroups.edges.length === 0 ? (
              <p className="empty-state">
                {deferred ? "No groups match." : "No groups yet. Create one, add clients, and start the conversation."}
              </p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <caption className="visually-hidden">Groups, by name</caption>
                  <thead>
                    <tr>
                      <th scope="col">Group</th>
                      <th scope="col" className="numeric">
                        Members
                      </th>
                      <th scope="col">Updated</th>
                    </tr>
                  </thead>
                  <tbody>
                    {communityGroups.edges.map(({ node: group }) => (
                      <tr key={group.id}>
                        <th scope="row">
                          <Link to={`/admin/communities/${group.id}`}>{group.name}</Link>
                          {group.archived && <span className="badge community-archived-badge">Archived</span>}
                        </th>
                        <td className="numeric" data-label="Members">
                          {group.memberCount}
                        </td>
                        <td data-label="Updated">{formatDateTime(group.updatedAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {communityGroups.pageInfo.hasNextPage && (
              <button
                type="button"
                className="button button-secondary"
                disabled={loadingMore}
                onClick={() => void loadMore(communityGroups.pageInfo.endCursor)}
              >
                {loadingMore ? "Loading…" : "Load more"}
              </button>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
