import type { PortalAccessStatus } from "../gql/graphql";

const LABELS: Record<PortalAccessStatus, string> = {
  NONE: "No access",
  INVITED: "Invited",
  ACTIVE: "Active",
  REVOKED: "Revoked",
};

export function accessStatusLabel(status: PortalAccessStatus): string {
  return LABELS[status];
}

/** Portal access status as a coloured badge; the text alone carries the meaning. */
export function StatusBadge({ status }: { status: PortalAccessStatus }) {
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-testid="access-status">
      {LABELS[status]}
    </span>
  );
}
