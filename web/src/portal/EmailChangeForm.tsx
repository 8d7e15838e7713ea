import { useMutation } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { graphql } from "../gql";
import { ErrorMessage } from "../shared/ErrorMessage";
import { Field } from "../shared/Field";
import { generalMessage, messageFor, problemOf, type Problem } from "../shared/results";

const RequestEmailChangeDocument = graphql(`
  mutation RequestEmailChange($input: EmailChangeInput!) {
    requestEmailChange(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
    }
  }
`);

/** A new address only replaces the old one once confirmed from the new inbox. */
export function EmailChangeForm({ currentEmail }: { currentEmail: string }) {
  const [newEmail, setNewEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [requestEmailChange, { loading, error }] = useMutation(RequestEmailChangeDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const { data } = await requestEmailChange({ variables: { input: { newEmail: newEmail.trim() } } });
    if (!data) return;
    const failure = problemOf(data.requestEmailChange);
    setProblem(failure);
    if (!failure) setSentTo(newEmail.trim());
  };

  return (
    <section className="card" aria-labelledby="email-title">
      <h2 id="email-title">Email address</h2>
      <p>
        You sign in with <strong>{currentEmail}</strong>.
      </p>
      {sentTo ? (
        <div role="status" className="alert alert-info">
          <p>
            <strong>Check your new inbox.</strong> We sent a link to {sentTo}. Your email changes once you open it and confirm.
          </p>
          <button type="button" className="button button-secondary" onClick={() => setSentTo(null)}>
            Use a different address
          </button>
        </div>
      ) : (
        <form onSubmit={submit} noValidate>
          <Field
            label="New email"
            name="newEmail"
            type="email"
            autoComplete="email"
            required
            value={newEmail}
            onChange={(e) => setNewEmail(e.target.value)}
            error={messageFor(problem, "newEmail", ["EmailTakenError"]) ?? messageFor(problem, "email")}
          />
          {generalMessage(problem, ["newEmail", "email"], ["EmailTakenError"]) && (
            <p className="alert alert-error" role="alert">
              {generalMessage(problem, ["newEmail", "email"], ["EmailTakenError"])}
            </p>
          )}
          {error && <ErrorMessage error={error} />}
          <button type="submit" className="button" disabled={loading || newEmail.trim() === ""}>
            {loading ? "Sending…" : "Change email"}
          </button>
        </form>
      )}
    </section>
  );
}
