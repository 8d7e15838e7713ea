/**
 * Where links in emails point. Only configuration decides: a request's Host or X-Forwarded-Host is
 * whatever the sender typed, so building links from it would let anyone have a victim's sign-in link
 * point at their own site.
 */
export interface PortalUrls {
  /**
   * Portal of a business without its own host name, `{slug}` standing for its slug in the host part,
   * e.g. `https://{slug}.portal.example.com` (development: `http://{slug}.localhost:4000`, which the
   * gateway resolves to the business by slug).
   */
  portalUrlTemplate: string;
  /** The platform's own address, for operator links (they belong to no business). */
  platformUrl: string;
}

/** The gateway's development addresses (`npm start` on port 4000). */
export const DEVELOPMENT_PORTAL_URLS: PortalUrls = Object.freeze({
  portalUrlTemplate: "http://{slug}.localhost:4000",
  platformUrl: "http://localhost:4000",
});

/** The part of a business its portal address depends on. */
export interface PortalAddressed {
  slug: string;
  hostNames: string[];
}

/**
 * The one place a business's portal URL is computed: its first configured host name, else the
 * deployment's template. Every link identity sends and every `portalUrl` in its events comes from here.
 */
export function portalUrlOf(business: PortalAddressed, urls: PortalUrls): string {
  if (business.hostNames.length) return `https://${business.hostNames[0]}`;
  return trimSlash(urls.portalUrlTemplate).replaceAll(SLUG, business.slug);
}

/** Origin of a one-time link: the business's portal, or the platform's for operators (no business). */
export function linkOriginOf(business: PortalAddressed | null, urls: PortalUrls): string {
  return business ? portalUrlOf(business, urls) : trimSlash(urls.platformUrl);
}

const SLUG = "{slug}";
// Stands in for `{slug}` while the template is parsed; slugs are lowercase letters, digits and dashes.
const SLUG_STAND_IN = "slug-stand-in";

const trimSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * Why a portal URL template cannot be used, or null. It must be an http(s) origin (no path, query or
 * credentials) with `{slug}` in the host, so every business gets a host of its own; production needs
 * https, since the links carry sign-in tokens.
 */
export function portalUrlTemplateProblem(template: string, production: boolean): string | null {
  const candidate = template.replaceAll(SLUG, SLUG_STAND_IN);
  if (URL.canParse(candidate) && !new URL(candidate).hostname.includes(SLUG_STAND_IN)) {
    return "must contain {slug} in the host name, e.g. https://{slug}.portal.example.com";
  }
  return originProblem(candidate, production);
}

/** Why a platform URL cannot be used, or null: an http(s) origin, https in production. */
export function platformUrlProblem(url: string, production: boolean): string | null {
  return originProblem(url, production);
}

function originProblem(value: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a URL such as https://portal.example.com";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must start with https:// (or http:// in development)";
  if (production && url.protocol !== "https:") return "must use https:// in production (links in emails carry sign-in tokens)";
  if (url.username || url.password || url.pathname !== "/" || url.search || url.hash || value.endsWith("#") || value.endsWith("?")) {
    return "must be an origin only (scheme, host and optional port), without path, query or credentials";
  }
  return null;
}
