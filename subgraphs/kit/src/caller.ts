import { createHash } from "node:crypto";
import { hmac, hmacMatches } from "./crypto.js";

/**
 * Who is calling, as established by the gateway. Subgraphs trust only what arrives signed with the
 * gateway secret; they never read cookies or API keys themselves. There is deliberately no request
 * origin here: links in emails are built from the business's configured host names, never from
 * what a client put in its Host header.
 */
export type ActorKind = "anonymous" | "contact" | "staff" | "operator" | "apiKey" | "system";

export interface Actor {
  kind: ActorKind;
  /** contact id, staff id, operator id or API key id; null when anonymous */
  id: string | null;
  /** staff role: owner or staff */
  role?: "owner" | "staff";
  /** API key scopes, e.g. ["read", "write"] */
  scopes?: string[];
  sessionId?: string;
}

export interface Caller {
  /** Business selected by host name, session or API key; null on the platform host. */
  businessId: string | null;
  actor: Actor;
  /** The client's address (behind proxies: the one the trusted proxy saw). */
  ip: string;
  userAgent: string;
  /** Milliseconds since epoch when the gateway signed this (set by `signCaller`). */
  issuedAt: number;
}

/** What the signer says about the caller; `issuedAt` is stamped when signing. */
export type CallerClaims = Omit<Caller, "issuedAt"> & { issuedAt?: number };

/**
 * The HTTP request a caller signature is bound to, so a captured pair cannot carry another query,
 * path or upload: the method, the request target (path and query, as the server sees it in
 * `req.url`) and the exact body bytes (empty for a GET).
 */
export interface SignedRequest {
  method: string;
  path: string;
  body?: string | Uint8Array | null;
}

export const CALLER_HEADER = "x-portal-caller";
export const SIGNATURE_HEADER = "x-portal-signature";
/**
 * How long a signature stays usable. HTTP calls are signed right before they are sent, so the
 * window only has to absorb clock skew between processes; it is short so that a captured pair is
 * soon worthless. Dates further ahead than the skew allowance are refused outright.
 */
export const SIGNATURE_MAX_AGE_MS = 30_000;
export const SIGNATURE_MAX_FUTURE_MS = 5_000;
/** The purpose a WebSocket's connectionParams signature is bound to (checked once, at connect). */
const SOCKET_PURPOSE = "ws:/graphql";

/** `path` and query of a URL, as the receiving server will see it in `req.url`. */
export function requestTarget(url: string | URL): string {
  const parsed = typeof url === "string" ? new URL(url) : url;
  return `${parsed.pathname}${parsed.search}`;
}

/** Headers `x-portal-caller` / `x-portal-signature` for one HTTP request on behalf of `caller`. */
export function signCaller(secret: string, caller: CallerClaims, request: SignedRequest, now = Date.now()): Record<string, string> {
  const payload = encodeCaller(caller, now);
  return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: hmac(secret, httpMessage(payload, request)) };
}

/** Returns the caller when the signature is valid, fresh and made for this very request, otherwise null. */
export function verifyCaller(
  secret: string,
  payload: string | undefined,
  signature: string | undefined,
  request: SignedRequest,
  now = Date.now(),
): Caller | null {
  if (!payload || !signature) return null;
  if (!hmacMatches(secret, httpMessage(payload, request), signature)) return null;
  return freshCaller(payload, now);
}

/** connectionParams for a subgraph WebSocket: only usable to open a socket, never as HTTP headers. */
export function signSocketCaller(secret: string, caller: CallerClaims, now = Date.now()): Record<string, string> {
  const payload = encodeCaller(caller, now);
  return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: hmac(secret, `caller:${payload}:${SOCKET_PURPOSE}`) };
}

export function verifySocketCaller(
  secret: string,
  payload: string | undefined,
  signature: string | undefined,
  now = Date.now(),
): Caller | null {
  if (!payload || !signature) return null;
  if (!hmacMatches(secret, `caller:${payload}:${SOCKET_PURPOSE}`, signature)) return null;
  return freshCaller(payload, now);
}

/**
 * The gateway's live relay keeps one WebSocket per subgraph for all its clients' subscriptions
 * (gateway/src/live-relay.ts). It opens it as this system actor, and signs each subscription for
 * its own caller and operation (`signSubscriptionCaller`); the subgraph runs each one as that caller.
 */
export const LIVE_RELAY_ACTOR_ID = "gateway-live-relay";

export function liveRelayCaller(): CallerClaims {
  return { businessId: null, actor: { kind: "system", id: LIVE_RELAY_ACTOR_ID }, ip: "127.0.0.1", userAgent: "gateway live relay" };
}

export function isLiveRelay(caller: Caller): boolean {
  return caller.actor.kind === "system" && caller.actor.id === LIVE_RELAY_ACTOR_ID && caller.businessId === null;
}

/** The operation a relayed subscription is signed for. */
export interface SubscriptionOperation {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/** What the relay sends with a subscription: the caller, signed for this operation only. */
export function signSubscriptionCaller(
  secret: string,
  caller: CallerClaims,
  operation: SubscriptionOperation,
  now = Date.now(),
): { caller: string; signature: string } {
  const payload = encodeCaller(caller, now);
  return { caller: payload, signature: hmac(secret, subscriptionMessage(payload, operation)) };
}

export function verifySubscriptionCaller(
  secret: string,
  payload: string | undefined,
  signature: string | undefined,
  operation: SubscriptionOperation,
  now = Date.now(),
): Caller | null {
  if (!payload || !signature) return null;
  if (!hmacMatches(secret, subscriptionMessage(payload, operation), signature)) return null;
  return freshCaller(payload, now);
}

function subscriptionMessage(payload: string, { query, operationName, variables }: SubscriptionOperation): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([query, operationName ?? null, variables ?? null]))
    .digest("base64url");
  return `caller:${payload}:ws-subscribe:${digest}`;
}

/** Signs an internal (non-GraphQL) request body between platform processes. */
export function signBody(secret: string, body: string, now = Date.now()): Record<string, string> {
  const stamp = String(now);
  return { "x-portal-timestamp": stamp, [SIGNATURE_HEADER]: hmac(secret, `body:${stamp}:${body}`) };
}

export function verifyBody(
  secret: string,
  body: string,
  stamp: string | undefined,
  signature: string | undefined,
  now = Date.now(),
): boolean {
  if (!stamp || !signature || !isFresh(Number(stamp), now)) return false;
  return hmacMatches(secret, `body:${stamp}:${body}`, signature);
}

export function systemCaller(businessId: string | null): Caller {
  return { businessId, actor: { kind: "system", id: null }, ip: "127.0.0.1", userAgent: "system", issuedAt: Date.now() };
}

function encodeCaller(caller: CallerClaims, now: number): string {
  const { businessId, actor, ip, userAgent } = caller;
  return Buffer.from(JSON.stringify({ businessId, actor, ip, userAgent, issuedAt: now } satisfies Caller)).toString("base64url");
}

/** The signed text: the caller, then what the request does (the hash keeps it short for big uploads). */
function httpMessage(payload: string, { method, path, body }: SignedRequest): string {
  const digest = createHash("sha256")
    .update(body ?? "")
    .digest("base64url");
  return `caller:${payload}:http:${method.toUpperCase()}:${path}:${digest}`;
}

function freshCaller(payload: string, now: number): Caller | null {
  try {
    const caller = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Caller;
    return typeof caller.issuedAt === "number" && isFresh(caller.issuedAt, now) ? caller : null;
  } catch {
    return null;
  }
}

function isFresh(issuedAt: number, now: number): boolean {
  return Number.isFinite(issuedAt) && issuedAt <= now + SIGNATURE_MAX_FUTURE_MS && now - issuedAt <= SIGNATURE_MAX_AGE_MS;
}
