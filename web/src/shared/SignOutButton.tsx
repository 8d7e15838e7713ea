import { useApolloClient, useMutation } from "@apollo/client/react";
import { useNavigate } from "react-router";
import { graphql } from "../gql";
import { forgetSignedIn, type SignInPageState } from "./session";

const SignOutDocument = graphql(`
  mutation SignOut {
    signOut {
      __typename
    }
  }
`);

/** Ends the session on the server, forgets everything cached, and returns to the sign-in page. */
export function SignOutButton({ signInPath }: { signInPath: string }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut, { loading }] = useMutation(SignOutDocument);
  const run = async () => {
    await signOut();
    forgetSignedIn();
    await client.clearStore();
    const state: SignInPageState = { notice: "You have signed out." };
    await navigate(signInPath, { replace: true, state });
  };
  return (
    <button type="button" className="button button-link" onClick={run} disabled={loading}>
      Sign out
    </button>
  );
}
