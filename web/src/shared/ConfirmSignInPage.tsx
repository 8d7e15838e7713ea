import { useApolloClient, useMutation } from "@apollo/client/react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { graphql } from "../gql";
import { ErrorMessage } from "./ErrorMessage";
import { problemOf } from "./results";
import { nextPathFor, signInPathWithNext } from "./nextPath";
import { homePathFor, signInPathFor } from "./session";

const ConfirmSignInDocument = graphql(`
  mutation ConfirmSignIn($input: ConfirmSignInInput!) {
    confirmSignIn(input: $input) {
      __typename
      ... on UserError { message }
      ... on SignInSuccess { viewer { kind } }
    }
  }
`);

/**
 * Where the emailed link lands. Opening it changes nothing: mail scanners that prefetch links
 * must not burn the one-time token. Only pressing "Sign in" (a POST) uses it. Afterwards the page
 * the link names (`next`) opens, when it is a safe path in the signed-in person's part of the site.
 */
export function ConfirmSignInPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const location = useLocation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [confirmSignIn, { data, loading, error }] = useMutation(ConfirmSignInDocument);
  const next = params.get("next");
  const signInPath = signInPathWithNext(signInPathFor(location.pathname), next);
  const problem = problemOf(data?.confirmSignIn);

  const confirm = async () => {
    const result = await confirmSignIn({ variables: { input: { token } } });
    const outcome = result.data?.confirmSignIn;
    if (outcome?.__typename === "SignInSuccess") {
      // Everything cached so far belonged to the anonymous visitor.
      await client.clearStore();
      await navigate(nextPathFor(outcome.viewer.kind, next) ?? homePathFor(outcome.viewer.kind), { replace: true });
    }
  };

  if (!token || problem) {
    return (
      <div className="narrow">
        <section className="card" aria-labelledby="link-problem-title">
          <h1 id="link-problem-title">This sign-in link cannot be used</h1>
          <p role="alert" className="alert alert-error">
            {problem?.message ?? "The link is incomplete. Open it again from your email."}
          </p>
          <p>Sign-in links work once and expire after 15 minutes. You can ask for a new one.</p>
          <Link className="button" to={signInPath}>
            Request a new link
          </Link>
          {signInPathFor(location.pathname) === "/sign-in" && (
            <p className="hint">
              Staff? <Link to="/admin/sign-in">Admin console sign-in</Link> · Platform? <Link to="/operator/sign-in">Operator sign-in</Link>
            </p>
          )}
        </section>
      </div>
    );
  }

  return (
    <div className="narrow">
      <section className="card" aria-labelledby="confirm-title">
        <h1 id="confirm-title">Finish signing in</h1>
        <p>Press the button to finish signing in on this device.</p>
        {error && <ErrorMessage error={error} />}
        <button type="button" className="button button-large" onClick={confirm} disabled={loading}>
          {loading ? "Signing in…" : "Sign in"}
        </button>
      </section>
    </div>
  );
}
