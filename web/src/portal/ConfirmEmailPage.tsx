import { useApolloClient, useMutation } from "@apollo/client/react";
import { Link, useSearchParams } from "react-router";
import { graphql } from "../gql";
import { ErrorMessage } from "../shared/ErrorMessage";
import { problemOf } from "../shared/results";

const ConfirmEmailChangeDocument = graphql(`
  mutation ConfirmEmailChange($input: ConfirmSignInInput!) {
    confirmEmailChange(input: $input) {
      __typename
      ... on UserError { message }
      ... on ProfileSuccess { contact { id email } }
    }
  }
`);

/** Like sign-in, the emailed token is only used when the person presses the button. */
export function ConfirmEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const client = useApolloClient();
  const [confirm, { data, loading, error }] = useMutation(ConfirmEmailChangeDocument);
  const outcome = data?.confirmEmailChange;
  const problem = problemOf(outcome);

  if (outcome?.__typename === "ProfileSuccess") {
    return (
      <section className="card" aria-labelledby="email-confirmed-title">
        <h1 id="email-confirmed-title">Email changed</h1>
        <p role="status">From now on, sign in with {outcome.contact.email}.</p>
        <Link to="/profile">Back to your profile</Link>
      </section>
    );
  }
  if (!token || problem) {
    return (
      <section className="card" aria-labelledby="email-problem-title">
        <h1 id="email-problem-title">This link cannot be used</h1>
        <p role="alert" className="alert alert-error">
          {problem?.message ?? "The link is incomplete. Open it again from your email."}
        </p>
        <Link className="button" to="/profile">
          Request a new link from your profile
        </Link>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="confirm-email-title">
      <h1 id="confirm-email-title">Confirm your new email</h1>
      {error && <ErrorMessage error={error} />}
      <button
        type="button"
        className="button"
        disabled={loading}
        onClick={async () => {
          const result = await confirm({ variables: { input: { token } } });
          if (result.data?.confirmEmailChange.__typename === "ProfileSuccess") await client.refetchQueries({ include: "active" });
        }}
      >
        {loading ? "Confirming…" : "Confirm email change"}
      </button>
    </section>
  );
}
