/**
 * The page to open after signing in (`next`), carried by the sign-in page's address and by emailed
 * links. It arrives in a query string anyone can write, so it is followed only when it is a path on
 * this site, in the signed-in person's own part of it; identity checks the same shape when it
 * puts `next` into a link.
 */

const MAX_LENGTH = 500;

/**
 * `value` when it is a same-site path: one leading `/` (`//host` and `/\host` lead to other sites),
 * no backslash, no control character (browsers drop tabs and newlines, so `/\t/host` is `//host`),
 * at most 500 characters; else null.
 */
export function safeNextPath(value: string | null | undefined): string | null {
  if (!value || value.length > MAX_LENGTH) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\\\u0000-\u001f\u007f-\u009f]/.test(value)) return null;
  return value;
}

type Area = "CLIENT" | "STAFF" | "OPERATOR";

/** Which part of the site a path belongs to: the admin console, the operator console, or the portal. */
function areaOf(path: string): Area {
  if (path === "/admin" || /^\/admin[/?#]/.test(path)) return "STAFF";
  if (path === "/operator" || /^\/operator[/?#]/.test(path)) return "OPERATOR";
  return "CLIENT";
}

const AREA_OF_VIEWER: Record<string, Area> = { CONTACT: "CLIENT", CLIENT: "CLIENT", STAFF: "STAFF", OPERATOR: "OPERATOR" };

/**
 * `next` when it is safe and in the area of `kind` (the signed-in viewer's kind, or the audience a
 * sign-in page asks for), else null: a client is not sent into the admin console, nor staff into
 * the client portal, nor anyone back to a sign-in or confirm page.
 */
export function nextPathFor(kind: string | null | undefined, next: string | null | undefined): string | null {
  const path = safeNextPath(next);
  if (!path || !kind || areaOf(path) !== AREA_OF_VIEWER[kind]) return null;
  const pathname = path.split(/[?#]/)[0]!;
  if (/\/sign-in$/.test(pathname) || /\/auth\/confirm(-email)?$/.test(pathname)) return null;
  return path;
}

/** A sign-in page's address that remembers the page to return to (none for the home page). */
export function signInPathWithNext(signInPath: string, next: string | null | undefined): string {
  const path = safeNextPath(next);
  if (!path || path === "/" || path === "/admin" || path === "/operator") return signInPath;
  return `${signInPath}?${new URLSearchParams({ next: path }).toString()}`;
}
