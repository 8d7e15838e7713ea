import type { IncomingMessage, ServerResponse } from "node:http";
import { signCaller } from "@portal/kit";
import { AuthenticationUnavailableError, type Authenticator } from "./authenticator.js";
import { getJson, upstreamAgent } from "./direct-upstream.js";
import { newPortalRequest } from "./portal-auth.js";
import { gatewayLog } from "./observability/index.js";
import type { RequestFacts } from "./request-facts.js";
import { subgraphUrlsOf } from "./webhooks.js";

export const REFERRAL_PREFIX = "/r/";
/** The first-party cookie that carries the referral code to a later purchase on the portal host. */
export const REFERRAL_COOKIE = "portal_ref";
/** The subgraph that owns referral links. */
const AFFILIATES = "affiliates";
/** A referral code as links have them; anything else never reaches the subgraph. */
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_COOKIE_AGE = 365 * 24 * 60 * 60;

export interface ReferralRedirectOptions {
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  authenticator: Authenticator;
  secret: string;
  timeoutMs: number;
}

/** What the affiliates subgraph answers for a known code. */
interface ReferralTarget {
  location: string;
  code: string;
  cookieMaxAge: number;
}

/**
 * Affiliate links: `GET /r/<code>` on a business's portal host. The business comes from the host
 * alone (a click needs no session, so no session is looked up); the affiliates subgraph, called
 * signed with the visitor's address and user agent, records the click and names the link's landing
 * URL, and the visitor is redirected there with the referral cookie set on the portal host. The
 * location is only ever what the subgraph stored for the link (checked again here to be an absolute
 * http(s) URL), so the route cannot be made to redirect anywhere else.
 */
export function createReferralRedirect(options: ReferralRedirectOptions) {
  const subgraphUrl = subgraphUrlsOf(options.supergraphSdl, options.subgraphUrls ?? {}).get(AFFILIATES);
  const agent = upstreamAgent();
  const redirectReferral = async function redirectReferral(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    facts: RequestFacts,
  ): Promise<void> {
    const code = path.slice(REFERRAL_PREFIX.length);
    if (!subgraphUrl || !CODE.test(code)) return notFound(res);
    let portal: ReturnType<typeof newPortalRequest>;
    try {
      const hostOnly = { ...facts, credentials: { host: facts.credentials.host } };
      portal = newPortalRequest(hostOnly, await options.authenticator.authenticate(hostOnly.credentials));
    } catch (error) {
      if (!(error instanceof AuthenticationUnavailableError)) throw error;
      return unavailable(res);
    }
    if (!portal.caller.businessId) return notFound(res);
    // The subgraph serves clicks among its files: `/files/r/<code>`, signed for exactly that path.
    const target = `/files/r/${code}`;
    const headers = signCaller(options.secret, portal.caller, { method: "GET", path: target });
    const upstream = await getJson(agent, subgraphUrl, target, headers, options.timeoutMs);
    if (typeof upstream === "string") {
      gatewayLog().error(`referral link ${code}: the affiliates service is ${upstream === "timeout" ? "too slow" : "unreachable"}`);
      return unavailable(res);
    }
    if (upstream.status === 404) return notFound(res);
    const answer = upstream.status === 200 ? referralTarget(upstream.body) : null;
    if (!answer) {
      gatewayLog().error(`referral link ${code}: unexpected answer ${upstream.status} from the affiliates service`);
      return unavailable(res);
    }
    const cookie = [
      `${REFERRAL_COOKIE}=${answer.code}`,
      `Max-Age=${answer.cookieMaxAge}`,
      "Path=/",
      "HttpOnly",
      "SameSite=Lax",
      ...(facts.secure ? ["Secure"] : []),
    ].join("; ");
    res.writeHead(302, { location: answer.location, "set-cookie": cookie, "cache-control": "private, no-store", "content-length": "0" });
    res.end();
  };
  /** Closes the kept-alive sockets to affiliates (the gateway is stopping). */
  return Object.assign(redirectReferral, { close: () => agent.destroy() });
}

/** The subgraph's answer, or null when it is not a safe redirect (then nothing is redirected). */
export function referralTarget(body: string): ReferralTarget | null {
  let parsed: Partial<ReferralTarget>;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  const { location, code, cookieMaxAge } = parsed ?? {};
  if (typeof location !== "string" || typeof code !== "string" || !CODE.test(code)) return null;
  if (typeof cookieMaxAge !== "number" || !Number.isInteger(cookieMaxAge) || cookieMaxAge < 0 || cookieMaxAge > MAX_COOKIE_AGE) return null;
  if (!isAbsoluteHttpUrl(location)) return null;
  return { location, code, cookieMaxAge };
}

/** An absolute http(s) URL as written, not one a browser would read differently (`//host`, `https:host`, backslashes, control characters). */
function isAbsoluteHttpUrl(location: string): boolean {
  if (!/^https?:\/\/[^/\\?#@\s]/i.test(location) || /[\\\s\u0000-\u001f\u007f]/.test(location)) return false;
  try {
    const url = new URL(location);
    return (url.protocol === "https:" || url.protocol === "http:") && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

function notFound(res: ServerResponse): void {
  const page =
    '<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Link not found</title>' +
    '<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">' +
    '<h1>This link is not valid</h1><p>The referral link you followed does not exist. <a href="/">Go to the portal</a>.</p></body></html>';
  res.writeHead(404, { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" });
  res.end(page);
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "retry-after": "5" });
  res.end("This link cannot be followed right now. Please try again in a moment.");
}
