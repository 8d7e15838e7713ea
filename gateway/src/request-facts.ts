import type { Caller } from "@portal/kit";
import type { Authentication, Credentials } from "./authenticator.js";
import { readCookie, SESSION_COOKIE } from "./cookies.js";

/** Read-only view of request headers, from a Fetch `Headers` or a Node `IncomingMessage`. */
export type HeaderReader = (name: string) => string | undefined;

/** What the gateway learns about a client from its request, before asking identity. */
export interface RequestFacts {
  credentials: Credentials;
  /** Public origin the client used, scheme + host (+ port), e.g. https://portal.acme.com */
  origin: string;
  secure: boolean;
  ip: string;
  userAgent: string;
}

export function fetchHeaders(headers: Headers): HeaderReader {
  return (name) => headers.get(name) ?? undefined;
}

export function nodeHeaders(headers: Record<string, string | string[] | undefined>): HeaderReader {
  return (name) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/**
 * Proxy headers are honoured only when TRUST_PROXY says a proxy we control sets them; otherwise a
 * client could claim any IP or host.
 */
export function requestFacts(header: HeaderReader, remoteAddress: string | undefined, trustProxy: boolean, apiKeyParam?: string): RequestFacts {
  const forwardedProto = trustProxy ? firstListValue(header("x-forwarded-proto")) : undefined;
  const forwardedHost = trustProxy ? firstListValue(header("x-forwarded-host")) : undefined;
  const forwardedFor = trustProxy ? firstListValue(header("x-forwarded-for")) : undefined;
  const secure = forwardedProto === "https";
  const hostWithPort = (forwardedHost ?? header("host") ?? "localhost").toLowerCase();
  const bearer = bearerToken(header("authorization")) ?? bearerToken(apiKeyParam);
  return {
    credentials: {
      host: stripPort(hostWithPort),
      sessionToken: readCookie(header("cookie"), SESSION_COOKIE) || undefined,
      apiKey: bearer,
    },
    origin: `${secure ? "https" : "http"}://${hostWithPort}`,
    secure,
    ip: forwardedFor ?? remoteAddress ?? "",
    userAgent: header("user-agent") ?? "",
  };
}

export function callerOf(facts: RequestFacts, auth: Authentication): Caller {
  return {
    businessId: auth.business?.id ?? null,
    actor: auth.actor,
    ip: facts.ip,
    userAgent: facts.userAgent,
    origin: facts.origin,
    issuedAt: Date.now(),
  };
}

function bearerToken(value: string | undefined): string | undefined {
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return match?.[1];
}

function firstListValue(value: string | undefined): string | undefined {
  const first = value?.split(",")[0]?.trim();
  return first || undefined;
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  return host.split(":")[0];
}
