/**
 * Where a referral link may send a visitor: only the business's own sites, never anywhere else (no
 * open redirect). Every check works on the WHATWG-parsed URL, after refusing the raw text's tricks a
 * parser would quietly "repair" (`https:evil`, backslashes, spaces, control characters).
 */

const RAW_SHAPE = /^https?:\/\/[^\\\s@/?#]+(?:[/?#][^\\\s]*)?$/i;
// Control characters, and characters browsers render as slashes or dots or that reorder text.
const INVISIBLE_OR_LOOKALIKE = /[\u0000-\u001f\u007f-\u009f\u00a0\u2000-\u206f\u2215\u2044\uff0f\uff3c\ufe68\u3002\uff0e\ufeff]/;

/** The URL when `text` is an absolute http(s) URL without credentials, else an explanation. */
export function parseWebUrl(text: string): URL | string {
  const value = text.trim();
  if (value.length === 0) return "Enter a web address starting with https://";
  if (value.length > 2000) return "The address is too long (at most 2000 characters).";
  if (INVISIBLE_OR_LOOKALIKE.test(value)) return "The address contains characters that are not allowed.";
  if (!RAW_SHAPE.test(value)) return "Enter a full web address starting with https:// (or http://), without a user name.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "That is not a valid web address.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http and https addresses are allowed.";
  if (url.username || url.password) return "The address may not contain a user name or password.";
  if (!url.hostname) return "The address needs a host name.";
  return url;
}

/** True when `path` is `base` or below it at a segment boundary (`/shop` covers `/shop/x`, not `/shopping`). */
function pathUnder(path: string, base: string): boolean {
  if (base === "/" || base === "") return true;
  const trimmed = base.endsWith("/") ? base.slice(0, -1) : base;
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

/**
 * The landing URL, normalised, when it has the origin of one of the allowed entries and a path under
 * that entry's path; else an explanation for the user.
 */
export function allowedLandingUrl(text: string, allowed: readonly string[]): string | { error: string } {
  const url = parseWebUrl(text);
  if (typeof url === "string") return { error: url };
  for (const entry of allowed) {
    const base = parseWebUrl(entry);
    if (typeof base === "string") continue;
    if (base.origin === url.origin && pathUnder(url.pathname, base.pathname)) return url.href;
  }
  return { error: "Choose a page on one of the programme's allowed sites." };
}

/** The redirect target: the stored landing URL with `ref=<code>`; null when it is somehow not a plain web URL. */
export function locationFor(landingUrl: string, code: string): string | null {
  const url = parseWebUrl(landingUrl);
  if (typeof url === "string") return null;
  url.searchParams.set("ref", code);
  return url.href;
}
