import { useMutation } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { graphql } from "../../gql";
import type { ContactListItemFragment } from "../../gql/graphql";
import { ConfirmDialog } from "../../shared/ConfirmDialog";
import { describeError } from "../../shared/ErrorMessage";
import { problemOf } from "../../shared/results";

const SendInvitationDocument = graphql(`
  mutation SendInvitation($contactId: ID!) {
    sendInvitation(contactId: $contactId) {
      __typename
      ... on UserError { message }
      ... on InvitationSuccess { contact { ...ContactListItem } }
    }
  }
`);

const RevokeAccessDocument = graphql(`
  mutation RevokeAccess($contactId: ID!) {
    revokeAccess(contactId: $contactId) {
      __typename
      ... on UserError { message }
      ... on RevokeAccessSuccess { contact { ...ContactListItem } }
    }
  }
`);

type Outcome = { tone: "ok" | "error"; text: string } | null;

/**
 * The access buttons that fit the contact's status: invite a new contact, resend a pending
 * invitation, remove access (after confirming), or grant it again after removal.
 */
export function AccessActions({ contact }: { contact: ContactListItemFragment }) {
  const [confirmingRemoval, setConfirmingRemoval] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sendInvitation, invitation] = useMutation(SendInvitationDocument);
  const [revokeAccess, revocation] = useMutation(RevokeAccessDocument);
  const status = contact.access.status;
  // A live status change makes the last outcome message stale.
  useEffect(() => setOutcome((current) => (current?.tone === "ok" ? null : current)), [status]);

  const invite = async (successText: string) => {
    const { data, error } = await sendInvitation({ variables: { contactId: contact.id } });
    const problem = problemOf(data?.sendInvitation);
    if (error) setOutcome({ tone: "error", text: describeError(error) });
    else if (problem) setOutcome({ tone: "error", text: problem.message });
    else setOutcome({ tone: "ok", text: successText });
  };

  const remove = async () => {
    const { data, error } = await revokeAccess({ variables: { contactId: contact.id } });
    setConfirmingRemoval(false);
    const problem = problemOf(data?.revokeAccess);
    if (error) setOutcome({ tone: "error", text: describeError(error) });
    else if (problem) setOutcome({ tone: "error", text: problem.message });
    else setOutcome({ tone: "ok", text: "Access removed" });
  };

  const busy = invitation.loading || revocation.loading;
  return (
    <div className="access-actions">
      {status === "NONE" && (
        <button type="button" className="button button-small" disabled={busy} onClick={() => invite(`Invitation sent to ${contact.email}`)}>
          Invite
        </button>
      )}
      {status === "INVITED" && (
        <button
          type="button"
          className="button button-small button-secondary"
          disabled={busy}
          onClick={() => invite(`Invitation sent again to ${contact.email}`)}
        >
          Resend invitation
        </button>
      )}
      {(status === "INVITED" || status === "ACTIVE") && (
        <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => setConfirmingRemoval(true)}>
          Remove access
        </button>
      )}
      {status === "REVOKED" && (
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => invite(`Access granted again; invitation sent to ${contact.email}`)}
        >
          Grant access again
        </button>
      )}
      <span role="status" className={outcome?.tone === "error" ? "outcome outcome-error" : "outcome"}>
        {outcome?.text}
      </span>
      <ConfirmDialog
        open={confirmingRemoval}
        title={`Remove ${contact.name}'s access?`}
        confirmLabel="Remove access"
        danger
        busy={revocation.loading}
        onConfirm={remove}
        onCancel={() => setConfirmingRemoval(false)}
      >
        <p>
          {contact.email} will be signed out everywhere at once and can no longer sign in. Their data stays, and you can grant access again
          later.
        </p>
      </ConfirmDialog>
    </div>
  );
}
