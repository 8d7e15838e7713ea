import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { ROLE_LABELS } from "./fragments";
import type { TeamAction } from "./useTeamActions";

interface TeamActionDialogProps {
  action: TeamAction | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says what the change will do before an owner makes it. */
export function TeamActionDialog({ action, busy, onConfirm, onCancel }: TeamActionDialogProps) {
  return (
    <ConfirmDialog
      open={action !== null}
      title={titleOf(action)}
      confirmLabel={action?.kind === "remove" ? "Remove" : `Make ${action ? ROLE_LABELS[action.role].toLowerCase() : ""}`}
      danger={action?.kind === "remove" || (action?.kind === "role" && action.isYou)}
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{explanationOf(action)}</p>
    </ConfirmDialog>
  );
}

function titleOf(action: TeamAction | null): string {
  if (!action) return "";
  if (action.kind === "remove") return `Remove ${action.member.name} from the team?`;
  if (action.isYou) return "Give up your owner role?";
  return `Make ${action.member.name} ${action.role === "OWNER" ? "an owner" : "staff"}?`;
}

function explanationOf(action: TeamAction | null): string {
  if (!action) return "";
  if (action.kind === "remove") {
    return `${action.member.email} will be signed out everywhere at once and can no longer sign in to the admin console.`;
  }
  if (action.isYou)
    return "You will keep working in the admin console but can no longer manage the team. Another owner can make you an owner again.";
  if (action.role === "OWNER") return `${action.member.name} will be able to invite, change roles and remove team members, including you.`;
  return `${action.member.name} will no longer be able to manage the team.`;
}
