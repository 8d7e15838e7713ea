import { useMutation } from "@apollo/client/react";
import { useId, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { graphql } from "../../../gql";
import type { CommunityGroupHeaderFragment, CommunityNotificationLevel } from "../../../gql/graphql";
import { ConfirmDialog } from "../../../shared/ConfirmDialog";

const SetCommunityNotificationLevelDocument = graphql(`
  mutation SetCommunityNotificationLevel($groupId: ID!, $level: CommunityNotificationLevel!) {
    setCommunityNotificationLevel(groupId: $groupId, level: $level) {
      __typename
      ... on CommunityMembershipSuccess { membership { groupId notificationLevel lastVisitedAt joinedAt } }
      ... on UserError { message }
    }
  }
`);

const LeaveCommunityGroupDocument = graphql(`
  mutation LeaveCommunityGroup($groupId: ID!) {
    leaveCommunityGroup(groupId: $groupId) {
      __typename
      ... on LeaveCommunityGroupSuccess { groupId }
      ... on UserError { message }
    }
  }
`);

const LEVELS: { level: CommunityNotificationLevel; label: string }[] = [
  { level: "ALL", label: "Every new post and comment" },
  { level: "REPLIES_AND_MENTIONS", label: "Replies and mentions only" },
  { level: "OFF", label: "No emails" },
];

/** The member's email preference for this group, and leaving it. */
export function GroupMembershipTools({ group }: { group: CommunityGroupHeaderFragment }) {
  const id = useId();
  const navigate = useNavigate();
  const [status, setStatus] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [setLevel, { loading: saving }] = useMutation(SetCommunityNotificationLevelDocument);
  const [leave, { loading: leaving }] = useMutation(LeaveCommunityGroupDocument);
  const leaveButton = useRef<HTMLButtonElement>(null);
  if (!group.membership) return null;

  const change = async (level: CommunityNotificationLevel) => {
    setStatus("");
    const result = (await setLevel({ variables: { groupId: group.id, level } })).data?.setCommunityNotificationLevel;
    if (result?.__typename === "CommunityMembershipSuccess") setStatus("Email preference saved.");
    else setError(result && "message" in result ? result.message : "Could not save. Please try again.");
  };
  const confirmLeave = async () => {
    const result = (await leave({ variables: { groupId: group.id } })).data?.leaveCommunityGroup;
    if (result?.__typename === "LeaveCommunityGroupSuccess") {
      navigate("/communities", { state: { notice: `You left ${group.name}.` } });
      return;
    }
    setConfirming(false);
    setError(result && "message" in result ? result.message : "Could not leave the group. Please try again.");
  };

  return (
    <div className="community-membership-tools">
      <div className="field">
        <label htmlFor={`${id}-level`}>Email me about</label>
        <select
          id={`${id}-level`}
          value={group.membership.notificationLevel}
          disabled={saving}
          aria-describedby={`${id}-status`}
          onChange={(event) => void change(event.target.value as CommunityNotificationLevel)}
        >
          {LEVELS.map((option) => (
            <option key={option.level} value={option.level}>
              {option.label}
            </option>
          ))}
        </select>
        <p id={`${id}-status`} className="hint" role="status">
          {status}
        </p>
      </div>
      <button ref={leaveButton} type="button" className="button button-secondary button-small" onClick={() => setConfirming(true)}>
        Leave group
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title={`Leave ${group.name}?`}
          confirmLabel="Leave group"
          danger
          busy={leaving}
          onConfirm={() => void confirmLeave()}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => leaveButton.current?.focus());
          }}
        >
          <p>You will no longer see its posts. To come back, ask the team to add you again.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
