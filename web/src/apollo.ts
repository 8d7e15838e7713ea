import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type FieldMergeFunction, type FieldPolicy } from "@apollo/client";
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { ErrorLink } from "@apollo/client/link/error";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { relayStylePagination } from "@apollo/client/utilities";
import { OperationTypeNode } from "graphql";
import { createClient, type Client as WsClient } from "graphql-ws";
import generatedPossibleTypes from "./gql/possible-types";
import { sendHashOnly } from "./persisted-documents";

/** The gateway closes a client's WebSocket with this code when its access or session is removed. */
export const ACCESS_REMOVED_CLOSE_CODE = 4403;

/**
 * Whether live updates flow: paused from the moment a socket closes unexpectedly (the server
 * went away) until a socket connects again. For useSyncExternalStore.
 */
export interface LiveConnection {
  paused: () => boolean;
  subscribe: (listener: () => void) => () => void;
}

export interface PortalApollo {
  client: ApolloClient;
  ws: WsClient;
  live: LiveConnection;
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

  const live = liveConnection();
  const connect = (lazy: boolean) =>
    createClient({
      url: graphqlWebSocketUrl(window.location),
      lazy,
      // The session socket's 4403 close is handled in `closed`; nothing else to report.
      onNonLazyError: () => undefined,
      // A revoked session must not reconnect in a loop; everything else is a transient network blip.
      shouldRetry: (event) => !isCloseEvent(event) || !SESSION_ENDED_CLOSE_CODES.includes(event.code),
      // Subscriptions, like everything else, name the web app's document by its hash only.
      jsonMessageReplacer: sendHashOnly,
      // Keep trying while the server is away (the page says so), at most a minute apart.
      retryAttempts: Number.POSITIVE_INFINITY,
      retryWait: (retries) =>
        new Promise((resolve) => window.setTimeout(resolve, Math.min(60, 2 ** retries) * 1000 + Math.random() * 2000)),
      on: {
        connected: () => {
          // Events sent while the socket was down are lost: what the page shows is brought up to date.
          if (live.resume()) void client.refetchQueries({ include: "active" });
        },
        closed: (event) => {
          const code = isCloseEvent(event) ? event.code : 1006;
          if (code === ACCESS_REMOVED_CLOSE_CODE) signOutLocally();
          else if (lostServer(code)) live.pause();
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
    // The gateway no longer knows this page's documents: the app was updated since it loaded.
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) reloadOnce();
  });

  const transport = ApolloLink.split(({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION, new GraphQLWsLink(ws), http);

  client = new ApolloClient({
    link: ApolloLink.from([sessionEnded, trustedDocuments, transport]),
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
            communityGroups: relayStylePagination(["search", "includeArchived"]),
            communityReports: relayStylePagination(["status", "groupId"]),
            courses: relayStylePagination(["status", "search", "contactId"]),
          },
        },
        Contact: {
          fields: {
            outstandingInvoices: nullableRelayPagination(),
            paidInvoices: nullableRelayPagination(),
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
        CommunityGroup: {
          fields: {
            feed: relayStylePagination(["search"]),
            members: relayStylePagination(["search"]),
          },
        },
        CommunityPost: {
          fields: {
            comments: relayStylePagination(),
            // Counts per kind without ids: each answer replaces them whole.
            reactions: { merge: false },
            images: { merge: false },
          },
        },
        CommunityComment: {
          fields: {
            reactions: { merge: false },
            replies: { merge: false },
          },
        },
        // The caller's own membership has no id of its own: one per group, merged in place.
        CommunityMembership: { merge: true },
        Course: {
          fields: {
            enrolments: relayStylePagination(["status", "search"]),
          },
        },
        CourseLesson: {
          fields: {
            // A lesson's content for its kind, without ids: each answer replaces it whole.
            content: { merge: false },
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
  return { client, ws, live, watchSession };
}

/**
 * Trusted documents: every operation is sent as the hash codegen gave it (`__meta__.hash`, the
 * sha256 of its text in web/src/gql/persisted-documents.json), in Apollo's persisted-query shape
 * `extensions.persistedQuery`, without its text. The gateway looks the text up; in production it
 * runs nothing else for a browser.
 */
const trustedDocuments = new ApolloLink((operation, forward) => {
  const hash = (operation.query as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (hash) {
    operation.extensions.persistedQuery = { version: 1, sha256Hash: hash };
    operation.setContext(({ http }: { http?: Record<string, unknown> }) => ({
      http: { ...http, includeQuery: false, includeExtensions: true },
    }));
  }
  return forward(operation);
});

const RELOADED_AT = "portal.reloadedForDocuments";

/** Loads the page again for the current app, unless that was just done (no reload loop). */
function reloadOnce(): void {
  const last = Number(window.sessionStorage.getItem(RELOADED_AT) ?? 0);
  if (Date.now() - last < 60_000) return;
  window.sessionStorage.setItem(RELOADED_AT, String(Date.now()));
  window.location.reload();
}

/** Closes after which nobody is signed in any more: signing out follows, not reconnecting. */
const SESSION_ENDED_CLOSE_CODES = [ACCESS_REMOVED_CLOSE_CODE, 4401];

/**
 * A close that graphql-ws retries because the server or network went away (1001 going away, 1006
 * dropped, 1011-1014 restarting, 4499 frozen socket). 1000 is graphql-ws closing an idle socket or
 * the app disposing one; other 4xxx codes are the server refusing, which no retry fixes.
 */
function lostServer(code: number): boolean {
  return (code > 1000 && code < 4000) || code === 4499;
}

function liveConnection(): LiveConnection & { pause: () => void; resume: () => boolean } {
  let paused = false;
  const listeners = new Set<() => void>();
  const set = (value: boolean) => {
    if (paused === value) return false;
    paused = value;
    for (const listener of listeners) listener();
    return true;
  };
  return {
    paused: () => paused,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    pause: () => void set(true),
    // Any socket connecting shows the server is back; one still waiting to retry connects soon.
    resume: () => set(false),
  };
}

/**
 * Relay pagination for a field a section's subgraph contributes, which comes back null when that
 * subgraph fails: keep the null (the page shows "unavailable") instead of an empty list.
 */
function nullableRelayPagination(): FieldPolicy {
  const policy = relayStylePagination();
  return {
    ...policy,
    merge: (existing, incoming, options) => (incoming === null ? null : (policy.merge as FieldMergeFunction)(existing, incoming, options)),
  };
}

export function graphqlWebSocketUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`;
}

function isCloseEvent(value: unknown): value is CloseEvent {
  return typeof value === "object" && value !== null && "code" in value && typeof value.code === "number";
}
