import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { createPortalApollo } from "./apollo";
import { routes } from "./routes";
import { LiveConnectionStatus } from "./shared/LiveConnectionStatus";
import { SessionWatchContext } from "./shared/sessionWatch";
import { isPublicPath, SIGNED_OUT_MESSAGE, signInPathFor, type SignInPageState } from "./shared/session";
import "./styles.css";

const router = createBrowserRouter(routes);

/** The server ended this session (access removed, session ended by staff, expired). */
function goToSignIn() {
  const { pathname } = router.state.location;
  if (isPublicPath(pathname)) return;
  const state: SignInPageState = { notice: SIGNED_OUT_MESSAGE };
  void router.navigate(signInPathFor(pathname), { replace: true, state });
}

const { client, live, watchSession } = createPortalApollo(goToSignIn);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <SessionWatchContext.Provider value={watchSession}>
        <RouterProvider router={router} />
        <LiveConnectionStatus live={live} />
      </SessionWatchContext.Provider>
    </ApolloProvider>
  </StrictMode>,
);
