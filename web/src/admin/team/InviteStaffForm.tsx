import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../../gql";
import type { StaffRole } from "../../gql/graphql";
import { ErrorMessage } from "../../shared/ErrorMessage";
import { Field } from "../../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../../shared/results";
import { ROLE_LABELS } from "./fragments";

const InviteStaffDocument = graphql(`
  mutation InviteStaff($input: InviteStaffInput!) {
    inviteStaff(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on EmailTakenError { field }
      ... on StaffSuccess { staff { ...TeamMember } }
    }
  }
`);

const FIELDS = ["name", "email", "role"];

/** Owners add a team member; the new member gets a sign-in link by email. */
export function InviteStaffForm({ onInvited }: { onInvited: () => void }) {
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>("STAFF");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const [inviteStaff, { loading, error }] = useMutation(InviteStaffDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setInvited(null);
    const { data } = await inviteStaff({ variables: { input: { name: name.trim(), email: email.trim(), role } } });
    const result = data?.inviteStaff;
    if (!result) return;
    setProblem(problemOf(result));
    if (result.__typename === "StaffSuccess") {
      setInvited(`${result.staff.name} was added. A sign-in link is on its way to ${result.staff.email}.`);
      setName("");
      setEmail("");
      setRole("STAFF");
      onInvited();
    }
  };

  const general = generalMessage(problem, FIELDS, ["EmailTakenError"]);
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite team member</h2>
      <p role="status" className={invited ? "alert alert-info" : "visually-hidden"}>
        {invited}
      </p>
      <form onSubmit={submit} noValidate>
        <Field
          label="Name"
          name="name"
          required
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={messageFor(problem, "name")}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          required
          autoComplete="off"
          value={email}
          hint="They sign in with this address; the link in the email works once, for 15 minutes."
          onChange={(e) => setEmail(e.target.value)}
          error={messageFor(problem, "email", ["EmailTakenError"])}
        />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <p id="invite-role-hint" className="hint">
            Owners can also invite, change roles and remove team members.
          </p>
          <select id="invite-role" aria-describedby="invite-role-hint" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            <option value="STAFF">{ROLE_LABELS.STAFF}</option>
            <option value="OWNER">{ROLE_LABELS.OWNER}</option>
          </select>
          {messageFor(problem, "role") && <p className="field-error">{messageFor(problem, "role")}</p>}
        </div>
        {general && (
          <p className="alert alert-error" role="alert">
            {general}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={loading}>
          {loading ? "Inviting…" : "Send invitation"}
        </button>
      </form>
    </section>
  );
}
