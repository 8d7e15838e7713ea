import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { relayStylePagination } from "@apollo/client/utilities";
import { OperationTypeNode } from "graphql";
import { createClient, type Client as WsClient } from "graphql-ws";
import generatedPossibleTypes from "./gql/possible-types";

/** The gateway closes a client's WebSocket with this code when its access or session is removed. */
export const ACCESS_REMOVED_CLOSE_CODE = 4403;

export interface PortalApollo {
  client: ApolloClient;
  ws: WsClient;
  /**
   * Holds a WebSocket open while someone is signed in, so that when staff remove their access
   * (or end their session) the gateway's 4403 close signs this tab out at once. Returns a stop
   * function.
   */
  watchSession: () => () => void;
}

/**
 * One endpoint, same origin: queries and mutations over HTTP (cookie sent), subscriptions over
 * graphql-ws on the same path. `onSignedOut` runs when the server says the caller's session is
 * gone (UNAUTHENTICATED, HTTP 401, or the socket closed with 4403), after the cache is cleared.
 */
export function createPortalApollo(onSignedOut: () => void): PortalApollo {
  let client: ApolloClient;
  const signOutLocally = () => {
    void client.clearStore().finally(onSignedOut);
  };

  const http = new HttpLink({
    uri: "/graphql",
    credentials: "include",
    headers: { "content-type": "application/json" },
  });

  const connect = (lazy: boolean) =>
    createClient({
      url: graphqlWebSocketUrl(window.location),
      lazy,
      // The session socket's 4403 close is handled in `closed`; nothing else to report.
      onNonLazyError: () => undefined,
      // A revoked session must not reconnect in a loop; everything else is a transient network blip.
      shouldRetry: (event) => !isCloseEvent(event) || (event.code !== ACCESS_REMOVED_CLOSE_CODE && event.code !== 4401),
      on: {
        closed: (event) => {
          if (isCloseEvent(event) && event.code === ACCESS_REMOVED_CLOSE_CODE) signOutLocally();
        },
      },
    });
  const ws = connect(true);
  const watchSession = () => {
    // Connects with the cookie as it is now, i.e. as the signed-in person.
    const watcher = connect(false);
    return () => void watcher.dispose();
  };

  const sessionEnded = new ErrorLink(({ error }) => {
    const unauthenticated =
      (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED")) ||
      (ServerError.is(error) && error.statusCode === 401);
    if (unauthenticated) signOutLocally();
  });

  const transport = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    new GraphQLWsLink(ws),
    http,
  );

  client = new ApolloClient({
    link: ApolloLink.from([sessionEnded, transport]),
    cache: new InMemoryCache({
      possibleTypes: generatedPossibleTypes.possibleTypes,
      typePolicies: {
        Query: {
          fields: {
            contacts: relayStylePagination(["search", "accessStatus"]),
            businesses: relayStylePagination(["search"]),
            emailLog: relayStylePagination(["status", "search"]),
            apiKeys: relayStylePagination(),
            invoices: relayStylePagination(["status", "contactId", "issuedFrom", "issuedTo", "search"]),
            documents: relayStylePagination(["status", "contactId", "search"]),
          },
        },
        Contact: {
          fields: {
            outstandingInvoices: relayStylePagination(),
            paidInvoices: relayStylePagination(),
          },
        },
        Document: {
          fields: {
            auditTrail: relayStylePagination(),
            // Plain objects without ids: a new upload or check replaces them whole.
            pages: { merge: false },
            auditVerification: { merge: false },
          },
        },
        Viewer: { keyFields: [] },
        Portal: { merge: true },
        Branding: { merge: true },
        PortalAccess: { merge: true },
        PortalSettings: { merge: true },
      },
    }),
    defaultOptions: {
      // Mutations resolve with { data, error } instead of rejecting; screens render `error`.
      mutate: { errorPolicy: "all" },
    },
  });
  return { client, ws, watchSession };
}

export function graphqlWebSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
}

function isCloseEvent(value: unknown): value is CloseEvent {
  return typeof value === "object" && value !== null && "code" in value && typeof value.code === "number";
}
