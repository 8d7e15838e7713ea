import type { TeamMemberFragment } from "../../gql/graphql";
import { formatDateTime } from "../../shared/format";
import { ROLE_LABELS } from "./fragments";
import { useTeamActions, type TeamAction } from "./useTeamActions";
import { TeamActionDialog } from "./TeamActionDialog";

interface TeamTableProps {
  members: TeamMemberFragment[];
  /** Owners see the role and remove buttons; everyone else only the list. */
  canManage: boolean;
  viewerId: string | null;
  /** Set when the list shows the business's only owner, whose role cannot change. */
  soleOwnerId: string | null;
  onRemoved: () => void;
}

export function TeamTable({ members, canManage, viewerId, soleOwnerId, onRemoved }: TeamTableProps) {
  const actions = useTeamActions(onRemoved);
  const ask = (action: TeamAction) => actions.setPending(action);
  return (
    <>
      <p
        role="status"
        className={actions.outcome ? `alert ${actions.outcome.tone === "error" ? "alert-error" : "alert-info"}` : "visually-hidden"}
      >
        {actions.outcome?.text}
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">Team members with their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Added</th>
              {canManage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => {
              const isYou = member.id === viewerId;
              return (
                <tr key={member.id} data-testid={`staff-row-${member.email}`}>
                  <th scope="row">
                    {member.name}
                    {isYou && <span className="hint"> (you)</span>}
                  </th>
                  <td data-label="Email">{member.email}</td>
                  <td data-label="Role">
                    <span className={`badge ${member.role === "OWNER" ? "badge-active" : ""}`}>{ROLE_LABELS[member.role]}</span>
                  </td>
                  <td data-label="Added">{formatDateTime(member.createdAt)}</td>
                  {canManage && (
                    <td data-label="Actions">
                      <div className="access-actions">
                        {member.id === soleOwnerId ? (
                          <span className="hint">The only owner</span>
                        ) : (
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            disabled={actions.busy}
                            onClick={() => ask({ kind: "role", member, role: member.role === "OWNER" ? "STAFF" : "OWNER", isYou })}
                          >
                            {member.role === "OWNER" ? "Make staff" : "Make owner"}
                            <span className="visually-hidden"> ({member.name})</span>
                          </button>
                        )}
                        {!isYou && (
                          <button
                            type="button"
                            className="button button-small button-danger"
                            disabled={actions.busy}
                            onClick={() => ask({ kind: "remove", member, isYou })}
                          >
                            Remove<span className="visually-hidden"> {member.name}</span>
                          </button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <TeamActionDialog
        action={actions.pending}
        busy={actions.busy}
        onCancel={() => actions.setPending(null)}
        onConfirm={actions.confirm}
      />
    </>
  );
}
