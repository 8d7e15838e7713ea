/**
 * The gateway owns the session cookie: subgraphs ask for it through `x-portal-set-session` /
 * `x-portal-clear-session` response headers, and only the gateway turns that into `Set-Cookie`.
 */
export const SESSION_COOKIE = "portal_session";
export const SET_SESSION_HEADER = "x-portal-set-session";
export const CLEAR_SESSION_HEADER = "x-portal-clear-session";

export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
  ];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

export function clearedSessionCookie(secure: boolean): string {
  const attributes = [`${SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", "Expires=Thu, 01 Jan 1970 00:00:00 GMT"];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

/** `<token>;<maxAgeSeconds>` → parts, or null when the subgraph sent something malformed. */
export function parseSetSession(value: string): { token: string; maxAgeSeconds: number } | null {
  const [token, maxAge] = value.split(";").map((part) => part.trim());
  const maxAgeSeconds = Number(maxAge);
  if (!token || !Number.isFinite(maxAgeSeconds) || maxAgeSeconds <= 0) return null;
  return { token, maxAgeSeconds };
}
