import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { graphql } from "../../gql";
import type { StaffRole, TeamMemberFragment } from "../../gql/graphql";
import { describeError } from "../../shared/ErrorMessage";
import { problemOf } from "../../shared/results";
import { ROLE_LABELS } from "./fragments";

const UpdateStaffRoleDocument = graphql(`
  mutation UpdateStaffRole($staffId: ID!, $role: StaffRole!) {
    updateStaffRole(staffId: $staffId, role: $role) {
      __typename
      ... on UserError { message }
      ... on StaffSuccess { staff { ...TeamMember } }
    }
  }
`);

const RemoveStaffDocument = graphql(`
  mutation RemoveStaff($staffId: ID!) {
    removeStaff(staffId: $staffId) {
      __typename
      ... on UserError { message }
      ... on RemoveStaffSuccess { removedStaffId }
    }
  }
`);

/** An owner's change waiting for confirmation. */
export type TeamAction =
  | { kind: "role"; member: TeamMemberFragment; role: StaffRole; isYou: boolean }
  | { kind: "remove"; member: TeamMemberFragment; isYou: boolean };

type Outcome = { tone: "ok" | "error"; text: string } | null;

/**
 * Role changes and removals, each confirmed first. A role change updates the row (and, for your own
 * role, the viewer) in the cache; a removal reloads the list.
 */
export function useTeamActions(onRemoved: () => void) {
  const [pending, setPending] = useState<TeamAction | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [updateRole, roleChange] = useMutation(UpdateStaffRoleDocument);
  const [removeStaff, removal] = useMutation(RemoveStaffDocument);

  const report = (result: ({ __typename?: string } & Record<string, unknown>) | undefined, error: unknown, success: string) => {
    const problem = problemOf(result);
    if (error) setOutcome({ tone: "error", text: describeError(error as Error) });
    else if (problem) setOutcome({ tone: "error", text: problem.message });
    else setOutcome({ tone: "ok", text: success });
  };

  const confirm = async () => {
    if (!pending) return;
    const { member } = pending;
    if (pending.kind === "role") {
      const { data, error } = await updateRole({ variables: { staffId: member.id, role: pending.role } });
      report(data?.updateStaffRole, error, `${member.name} is now ${ROLE_LABELS[pending.role].toLowerCase()}.`);
    } else {
      const { data, error } = await removeStaff({ variables: { staffId: member.id } });
      report(data?.removeStaff, error, `${member.name} was removed from the team and signed out.`);
      if (data?.removeStaff.__typename === "RemoveStaffSuccess") onRemoved();
    }
    setPending(null);
  };

  return { pending, setPending, outcome, confirm, busy: roleChange.loading || removal.loading };
}
