/**
 * Where each audience signs in, and whether this page visit has seen a signed-in person (so a
 * later "not signed in" means the session ended and deserves a "You have been signed out").
 */
export type Audience = "CLIENT" | "STAFF" | "OPERATOR";

export const SIGNED_OUT_MESSAGE = "You have been signed out";

export function signInPathFor(pathname: string): string {
  if (pathname.startsWith("/admin")) return "/admin/sign-in";
  if (pathname.startsWith("/operator")) return "/operator/sign-in";
  return "/sign-in";
}

export function homePathFor(kind: string | null | undefined): string {
  if (kind === "STAFF") return "/admin";
  if (kind === "OPERATOR") return "/operator";
  return "/";
}

/** Pages where a missing session is expected, so no redirect or message. */
export function isPublicPath(pathname: string): boolean {
  return (
    /\/sign-in$/.test(pathname) ||
    /\/auth\/confirm(-email)?$/.test(pathname) ||
    pathname === "/profile/confirm-email" ||
    pathname.startsWith("/dev/")
  );
}

let sawSignedIn = false;

export function rememberSignedIn(): void {
  sawSignedIn = true;
}

/** Whether someone was signed in earlier in this visit (read during render, so no side effect). */
export function sessionWasActive(): boolean {
  return sawSignedIn;
}

/** Called by sign-in pages once they have shown the "signed out" message. */
export function forgetSignedIn(): void {
  sawSignedIn = false;
}

export interface SignInPageState {
  notice?: string;
}
