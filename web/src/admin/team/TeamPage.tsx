import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../../gql";
import type { StaffMembersQuery } from "../../gql/graphql";
import { QueryState } from "../../shared/QueryState";
import { useDebouncedValue } from "../../shared/useDebouncedValue";
import { useViewer } from "../../shared/viewer";
import { InviteStaffForm } from "./InviteStaffForm";
import { TeamTable } from "./TeamTable";

/** Teams are small: one page of the largest size the API serves, with search for the rare big team. */
const PAGE_SIZE = 100;

const StaffMembersDocument = graphql(`
  query StaffMembers($first: Int, $search: String) {
    staffMembers(first: $first, search: $search) {
      totalCount
      edges { node { ...TeamMember } }
      pageInfo { hasNextPage }
    }
  }
`);

/** The only owner, when the whole team is on screen and has just one: they cannot be made staff. */
function soleOwnerId(page: StaffMembersQuery["staffMembers"]): string | null {
  const owners = page.edges.filter((edge) => edge.node.role === "OWNER");
  return !page.pageInfo.hasNextPage && owners.length === 1 ? owners[0]!.node.id : null;
}

/** The business's team: everyone on it sees who is there; owners invite, change roles and remove. */
export function TeamPage() {
  const viewer = useViewer();
  const isOwner = viewer.staff?.role === "OWNER";
  const [search, setSearch] = useState("");
  const deferredSearch = useDebouncedValue(search.trim());
  const { data, loading, error, refetch } = useQuery(StaffMembersDocument, {
    variables: { first: PAGE_SIZE, search: deferredSearch || null },
    notifyOnNetworkStatusChange: true,
  });
  const reload = () => void refetch();

  return (
    <>
      <h1>Team</h1>
      <p>
        {isOwner
          ? "People who can sign in to this admin console. Owners can also manage the team."
          : "People who can sign in to this admin console. Only an owner can invite, change roles or remove team members."}
      </p>
      {isOwner && <InviteStaffForm onInvited={reload} />}
      <div className="filters" role="search">
        <div className="field">
          <label htmlFor="team-search">Search</label>
          <input id="team-search" type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
      </div>
      <QueryState loading={loading} error={error} data={data} onRetry={reload}>
        {({ staffMembers }) => (
          <>
            <p className="hint" aria-live="polite">
              {staffMembers.totalCount === 1 ? "1 team member" : `${staffMembers.totalCount} team members`}
              {staffMembers.pageInfo.hasNextPage && ` (showing the first ${staffMembers.edges.length}; search to narrow)`}
            </p>
            {staffMembers.edges.length === 0 ? (
              <p className="empty-state">No team members match.</p>
            ) : (
              <TeamTable
                members={staffMembers.edges.map((edge) => edge.node)}
                canManage={isOwner}
                viewerId={viewer.staff?.id ?? null}
                soleOwnerId={deferredSearch ? null : soleOwnerId(staffMembers)}
                onRemoved={reload}
              />
            )}
          </>
        )}
      </QueryState>
    </>
  );
}
