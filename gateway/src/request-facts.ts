import { isIPv6 } from "node:net";
import type { Caller } from "@portal/kit";
import type { Authentication, Credentials } from "./authenticator.js";
import { readCookie, SESSION_COOKIE } from "./cookies.js";

/** Read-only view of request headers, from a Fetch `Headers` or a Node `IncomingMessage`. */
export type HeaderReader = (name: string) => string | undefined;

/** What the gateway learns about a client from its request, before asking identity. */
export interface RequestFacts {
  credentials: Credentials;
  secure: boolean;
  ip: string;
  userAgent: string;
}

/**
 * A Host (or trusted X-Forwarded-Host) that is not a plain host name, IPv4 address or bracketed
 * IPv6 address with an optional numeric port. Such a value never reaches a URL, a business lookup or
 * a subgraph; the gateway answers 400.
 */
export class InvalidHostError extends Error {
  constructor() {
    super("Invalid Host header");
  }
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
 * `proxyHops` is how many reverse proxies we run in front of the gateway (TRUST_PROXY). Each one
 * appends the address it saw to X-Forwarded-For, so only the last `proxyHops` entries were written by
 * us: the client is the address that many hops from the right of (X-Forwarded-For + socket address).
 * Entries further left are whatever the client sent and are never believed. With no trusted proxy,
 * no X-Forwarded-* header is read at all. Throws InvalidHostError for a malformed host.
 */
export function requestFacts(
  header: HeaderReader,
  remoteAddress: string | undefined,
  proxyHops: number,
  apiKeyParam?: string,
): RequestFacts {
  const trusted = proxyHops > 0;
  const forwardedProto = trusted ? lastListValue(header("x-forwarded-proto")) : undefined;
  const forwardedHost = trusted ? lastListValue(header("x-forwarded-host")) : undefined;
  // The Host header is checked even behind a proxy: it still ends up in URLs the gateway builds.
  const ownHost = validHost(header("host") ?? "localhost");
  const hostWithPort = forwardedHost === undefined ? ownHost : validHost(forwardedHost);
  const bearer = bearerToken(header("authorization")) ?? bearerToken(apiKeyParam);
  return {
    credentials: {
      host: stripPort(hostWithPort),
      sessionToken: readCookie(header("cookie"), SESSION_COOKIE) || undefined,
      apiKey: bearer,
    },
    secure: forwardedProto?.toLowerCase() === "https",
    ip: clientIp(trusted ? header("x-forwarded-for") : undefined, remoteAddress ?? "", proxyHops),
    userAgent: header("user-agent") ?? "",
  };
}

export function callerOf(facts: RequestFacts, auth: Authentication): Caller {
  return {
    businessId: auth.business?.id ?? null,
    actor: auth.actor,
    ip: facts.ip,
    userAgent: facts.userAgent,
    issuedAt: Date.now(),
  };
}

/** The address `hops` steps from the right of the forwarded chain; the leftmost one if the chain is shorter. */
export function clientIp(forwardedFor: string | undefined, socketAddress: string, hops: number): string {
  if (hops <= 0 || !forwardedFor) return socketAddress;
  const chain = [
    ...forwardedFor
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
    socketAddress,
  ];
  return chain[Math.max(0, chain.length - 1 - hops)]!;
}

const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.?$`);
const PORT = /^[0-9]{1,5}$/;

/**
 * The host, lower-cased, if it is a host name (letters, digits, hyphens; IPv4 addresses are such
 * names too) or a bracketed IPv6 address, with an optional port 0-65535. Anything else — user info
 * (`a@evil.test`), a path or query (`host:80/x?`), spaces — throws InvalidHostError.
 */
export function validHost(value: string): string {
  const host = value.trim().toLowerCase();
  let name = host;
  let port: string | undefined;
  if (host.startsWith("[")) {
    const close = host.indexOf("]");
    if (close < 0 || !isIPv6(host.slice(1, close))) throw new InvalidHostError();
    const rest = host.slice(close + 1);
    if (rest && !rest.startsWith(":")) throw new InvalidHostError();
    name = host.slice(0, close + 1);
    port = rest ? rest.slice(1) : undefined;
  } else {
    const colon = host.indexOf(":");
    if (colon >= 0) {
      name = host.slice(0, colon);
      port = host.slice(colon + 1);
    }
    if (!HOST_NAME.test(name)) throw new InvalidHostError();
  }
  if (port !== undefined && (!PORT.test(port) || Number(port) > 65535)) throw new InvalidHostError();
  return host;
}

function bearerToken(value: string | undefined): string | undefined {
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value.trim()) : null;
  return match?.[1];
}

/** The value our own proxy added last (proxies append to these lists). */
function lastListValue(value: string | undefined): string | undefined {
  const last = value?.split(",").at(-1)?.trim();
  return last || undefined;
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host.slice(0, host.indexOf("]") + 1);
  return host.split(":")[0]!;
}
