import { hmac, safeEqual } from "./crypto.js";

/**
 * Who is calling, as established by the gateway. Subgraphs trust only what arrives signed with the
 * gateway secret; they never read cookies or API keys themselves.
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
  ip: string;
  userAgent: string;
  /** Public origin the client used, e.g. https://portal.acme.com (for links in emails). */
  origin: string;
  /** Milliseconds since epoch when the gateway signed this. */
  issuedAt: number;
}

export const CALLER_HEADER = "x-portal-caller";
export const SIGNATURE_HEADER = "x-portal-signature";
/** HTTP calls must be fresh; a WebSocket's signature is checked once, when it connects. */
const MAX_AGE_MS = 5 * 60_000;

export function signCaller(secret: string, caller: Caller): Record<string, string> {
  const payload = Buffer.from(JSON.stringify(caller)).toString("base64url");
  return { [CALLER_HEADER]: payload, [SIGNATURE_HEADER]: hmac(secret, `caller:${payload}`) };
}

/** Returns the caller when the signature is valid and fresh, otherwise null. */
export function verifyCaller(
  secret: string,
  payload: string | undefined,
  signature: string | undefined,
  now = Date.now(),
): Caller | null {
  if (!payload || !signature) return null;
  if (!safeEqual(hmac(secret, `caller:${payload}`), signature)) return null;
  try {
    const caller = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Caller;
    if (typeof caller.issuedAt !== "number" || Math.abs(now - caller.issuedAt) > MAX_AGE_MS) return null;
    return caller;
  } catch {
    return null;
  }
}

/** Signs an internal (non-GraphQL) request body between platform processes. */
export function signBody(secret: string, body: string, now = Date.now()): Record<string, string> {
  const stamp = String(now);
  return { "x-portal-timestamp": stamp, [SIGNATURE_HEADER]: hmac(secret, `body:${stamp}:${body}`) };
}

export function verifyBody(secret: string, body: string, stamp: string | undefined, signature: string | undefined, now = Date.now()): boolean {
  if (!stamp || !signature || Math.abs(now - Number(stamp)) > MAX_AGE_MS) return false;
  return safeEqual(hmac(secret, `body:${stamp}:${body}`), signature);
}

export function systemCaller(businessId: string | null): Caller {
  return { businessId, actor: { kind: "system", id: null }, ip: "127.0.0.1", userAgent: "system", origin: "", issuedAt: Date.now() };
}
