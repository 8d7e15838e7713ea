import type { IncomingMessage } from "node:http";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import { CALLER_HEADER, SIGNATURE_HEADER, signSocketCaller, type Caller } from "@portal/kit";
import { GraphQLError } from "graphql";
import { AuthenticationUnavailableError, type Authentication, type Authenticator } from "./authenticator.js";
import { CLEAR_SESSION_HEADER, clearedSessionCookie, parseSetSession, SET_SESSION_HEADER, sessionCookie } from "./cookies.js";
import { PORTAL_UNAVAILABLE_MESSAGE, SERVICE_UNAVAILABLE } from "./subgraph-failures.js";
import { callerOf, fetchHeaders, requestFacts, type RequestFacts } from "./request-facts.js";

/** Per-request state, shared by every subgraph call of one operation. */
export interface PortalRequest {
  facts: RequestFacts;
  auth: Authentication;
  caller: Caller;
  /** The one `Set-Cookie` for the session to send back, if any; the last directive wins. */
  sessionCookie?: string;
}

/**
 * What the gateway adds to the GraphQL context. `portalCaller`/`portalSignature` feed the ws
 * transport's connectionParams, signed for opening a socket when the operation starts (a subgraph
 * checks a WebSocket's signature once, at connect); HTTP calls are signed per call from `portal.caller`.
 */
export interface PortalContext {
  portal: PortalRequest;
  portalCaller: string;
  portalSignature: string;
}

export function portalContext(secret: string, portal: PortalRequest): PortalContext {
  const signed = signSocketCaller(secret, portal.caller);
  return { portal, portalCaller: signed[CALLER_HEADER], portalSignature: signed[SIGNATURE_HEADER] };
}

export function newPortalRequest(facts: RequestFacts, auth: Authentication): PortalRequest {
  const portal: PortalRequest = { facts, auth, caller: callerOf(facts, auth) };
  // A stale or ended session proceeds as anonymous, and the browser forgets the cookie.
  if (facts.credentials.sessionToken && !auth.sessionValid) portal.sessionCookie = clearedSessionCookie(facts.secure);
  return portal;
}

export interface PortalAuthOptions {
  authenticator: Authenticator;
  secret: string;
  proxyHops: number;
}

/** What the gateway's HTTP entry puts into the runtime's server context: the facts it already checked. */
export interface PortalServerContext {
  portalFacts?: RequestFacts;
}

/**
 * Authenticates each HTTP operation after it was parsed and validated (so refused documents cost
 * no identity call), signs the caller once per operation, and turns the subgraphs' session
 * headers into the gateway's cookie.
 */
export function usePortalAuth({ authenticator, secret, proxyHops }: PortalAuthOptions): GatewayPlugin {
  const requests = new WeakMap<Request, PortalRequest>();
  return {
    async onContextBuilding({ context, extendContext }) {
      if ((context as Partial<PortalContext>).portal) return; // WebSocket operations arrive authenticated
      const { req, portalFacts } = context as { req?: IncomingMessage } & PortalServerContext;
      const facts = portalFacts ?? requestFacts(fetchHeaders(context.request.headers), req?.socket?.remoteAddress, proxyHops);
      const portal = newPortalRequest(facts, await authenticateOrUnavailable(authenticator, facts));
      requests.set(context.request, portal);
      extendContext(portalContext(secret, portal) as never);
    },
    onResponse({ request, response }) {
      const portal = requests.get(request);
      if (!portal) return;
      response.headers.set("cache-control", "no-store");
      if (portal.sessionCookie) response.headers.append("set-cookie", portal.sessionCookie);
    },
  };
}

/** Identity not answering is no internal error: the client is told to come back shortly (503). */
async function authenticateOrUnavailable(authenticator: Authenticator, facts: RequestFacts): Promise<Authentication> {
  try {
    return await authenticator.authenticate(facts.credentials);
  } catch (error) {
    if (!(error instanceof AuthenticationUnavailableError)) throw error;
    throw new GraphQLError(PORTAL_UNAVAILABLE_MESSAGE, { extensions: { code: SERVICE_UNAVAILABLE, http: { status: 503 } } });
  }
}

/** `propagateHeaders.fromSubgraphsToClient`: session headers become a cookie and go no further. */
export function sessionHeadersToCookie(authenticator: Authenticator) {
  return ({ context, response }: { context: Partial<PortalContext>; response: Response }): void => {
    const portal = context.portal;
    if (!portal) return;
    const set = response.headers.get(SET_SESSION_HEADER);
    const session = set ? parseSetSession(set) : null;
    if (session) portal.sessionCookie = sessionCookie(session.token, session.maxAgeSeconds, portal.facts.secure);
    if (response.headers.get(CLEAR_SESSION_HEADER)) {
      portal.sessionCookie = clearedSessionCookie(portal.facts.secure);
      authenticator.forget(portal.facts.credentials);
    }
  };
}
