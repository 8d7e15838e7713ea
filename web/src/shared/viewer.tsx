import { useQuery } from "@apollo/client/react";
import { createContext, useContext, useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { graphql } from "../gql";
import type { ViewerQuery } from "../gql/graphql";
import { QueryState } from "./QueryState";
import { SessionWatchContext } from "./sessionWatch";
import { signInPathWithNext } from "./nextPath";
import { sessionWasActive, rememberSignedIn, SIGNED_OUT_MESSAGE, type SignInPageState } from "./session";

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      kind
      contact { id name firstName email phone }
      staff { id name email role }
      operator { id name email }
      business { id name slug }
    }
  }
`);

export type Viewer = ViewerQuery["viewer"];

const ViewerContext = createContext<Viewer | null>(null);

interface RequireViewerProps {
  kind: "CONTACT" | "STAFF" | "OPERATOR";
  signInPath: string;
}

/**
 * Renders its child routes only for the given kind of signed-in person; anyone else goes to the
 * sign-in page. The viewer is re-checked when the tab regains focus so an ended session shows
 * promptly.
 */
export function RequireViewer({ kind, signInPath }: RequireViewerProps) {
  const location = useLocation();
  const { data, loading, error, refetch } = useQuery(ViewerDocument, { fetchPolicy: "cache-and-network" });

  useEffect(() => {
    const recheck = () => {
      if (document.visibilityState === "visible") void refetch();
    };
    document.addEventListener("visibilitychange", recheck);
    return () => document.removeEventListener("visibilitychange", recheck);
  }, [refetch]);

  const signedIn = data?.viewer.kind === kind;
  const watchSession = useContext(SessionWatchContext);
  useEffect(() => {
    if (!signedIn) return;
    rememberSignedIn();
    return watchSession();
  }, [signedIn, watchSession]);

  return (
    <QueryState loading={loading} error={error} data={data} onRetry={() => void refetch()}>
      {({ viewer }) => {
        if (viewer.kind === kind) {
          return (
            <ViewerContext.Provider value={viewer}>
              <Outlet />
            </ViewerContext.Provider>
          );
        }
        const state: SignInPageState = sessionWasActive() ? { notice: SIGNED_OUT_MESSAGE } : {};
        // The sign-in page keeps the page asked for, so the emailed link can open it afterwards.
        return <Navigate to={signInPathWithNext(signInPath, `${location.pathname}${location.search}`)} replace state={state} />;
      }}
    </QueryState>
  );
}

/** Makes `viewer` the signed-in viewer for pages outside RequireViewer that checked it themselves. */
export const ViewerProvider = ViewerContext.Provider;

/** The signed-in viewer checked by the enclosing RequireViewer. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer() must be used inside <RequireViewer>");
  return viewer;
}
