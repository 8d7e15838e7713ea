import { useMutation } from "@apollo/client/react";
import { useEffect, useState, type FormEvent } from "react";
import { useLocation, useSearchParams } from "react-router";
import { graphql } from "../gql";
import type { SignInAudience } from "../gql/graphql";
import { ErrorMessage } from "./ErrorMessage";
import { Field } from "./Field";
import { messageFor, problemOf, type Problem } from "./results";
import { nextPathFor } from "./nextPath";
import { forgetSignedIn, type SignInPageState } from "./session";

const RequestSignInDocument = graphql(`
  mutation RequestSignIn($input: RequestSignInInput!) {
    requestSignIn(input: $input) {
      __typename
      ... on UserError { message }
      ... on ValidationError { field }
      ... on RateLimitedError { retryAfterSeconds }
    }
  }
`);

interface SignInFormProps {
  audience: SignInAudience;
  /** Who this sign-in is for, e.g. the business's display name or "the admin console". */
  intro: string;
}

/**
 * Password-free sign-in: ask for an email, then say "check your email". The answer is the same
 * whether or not the address is known, so the page never reveals who has access.
 */
function retryHint(seconds: number | undefined): string {
  if (!seconds || seconds <= 0) return "";
  const minutes = Math.ceil(seconds / 60);
  return seconds < 60
    ? `You can try again in ${Math.ceil(seconds)} seconds.`
    : `You can try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export function SignInForm({ audience, intro }: SignInFormProps) {
  const location = useLocation();
  const notice = (location.state as SignInPageState | null)?.notice;
  // The page the person was trying to open: the emailed link opens it after sign-in. Checked here
  // (identity checks it again), so an off-site `next` in the address is simply dropped.
  const [params] = useSearchParams();
  const next = nextPathFor(audience, params.get("next"));
  const [email, setEmail] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [requestSignIn, { loading, error }] = useMutation(RequestSignInDocument);

  useEffect(() => forgetSignedIn(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const { data } = await requestSignIn({ variables: { input: { email: email.trim(), audience, next } } });
    const result = data?.requestSignIn;
    if (!result) return;
    const failure = problemOf(result);
    if (failure) setProblem(failure);
    else setSentTo(email.trim());
  };

  if (sentTo) {
    return (
      <section aria-labelledby="check-email-title" className="card">
        <h1 id="check-email-title" tabIndex={-1} ref={(h) => h?.focus()}>
          Check your email
        </h1>
        <p>
          If <strong>{sentTo}</strong> has access, a sign-in link is on its way. It works once and expires in 15 minutes.
        </p>
        <p className="hint">No email after a few minutes? Check your spam folder, or send a new link.</p>
        <button type="button" className="button button-secondary" onClick={() => setSentTo(null)}>
          Use a different email or send again
        </button>
      </section>
    );
  }

  const rateLimited = problem?.kind === "RateLimitedError";
  return (
    <section aria-labelledby="sign-in-title" className="card">
      <h1 id="sign-in-title">Sign in</h1>
      {notice && (
        <p className="alert alert-info" role="status">
          {notice}
        </p>
      )}
      <p>{intro}</p>
      <form onSubmit={submit} noValidate>
        <Field
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={messageFor(problem, "email")}
        />
        {rateLimited && (
          <p className="alert alert-error" role="alert" data-testid="rate-limited">
            {problem.message} {retryHint(problem.retryAfterSeconds)}
          </p>
        )}
        {problem && !rateLimited && problem.field !== "email" && (
          <p className="alert alert-error" role="alert">
            {problem.message}
          </p>
        )}
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={loading || email.trim() === ""}>
          {loading ? "Sending…" : "Send me a sign-in link"}
        </button>
      </form>
    </section>
  );
}
