import type { Actor, ActorKind, Caller } from "./caller.js";
import { forbidden, unauthenticated } from "./errors.js";

/**
 * Guards used at the top of resolvers/services. They return the narrowed actor so callers can't
 * forget which business they act for.
 */
export function requireBusiness(caller: Caller): string {
  if (!caller.businessId) throw forbidden("No business selected for this request");
  return caller.businessId;
}

export function requireActor(caller: Caller, ...kinds: ActorKind[]): Actor & { id: string } {
  if (caller.actor.kind === "anonymous" || !caller.actor.id) throw unauthenticated();
  if (!kinds.includes(caller.actor.kind)) throw forbidden();
  return caller.actor as Actor & { id: string };
}

/** Staff of the business, or an API key of that business with the given scope. */
export function requireStaff(caller: Caller, scope: "read" | "write" = "read"): { businessId: string; actor: Actor } {
  const businessId = requireBusiness(caller);
  const actor = caller.actor;
  if (actor.kind === "staff") return { businessId, actor };
  if (actor.kind === "apiKey" && actor.scopes?.includes(scope)) return { businessId, actor };
  if (actor.kind === "apiKey") throw forbidden(`This API key lacks the "${scope}" scope`);
  if (actor.kind === "anonymous") throw unauthenticated();
  throw forbidden("Staff access required");
}

export function requireOperator(caller: Caller): Actor {
  if (caller.actor.kind === "anonymous") throw unauthenticated();
  if (caller.actor.kind !== "operator") throw forbidden("Platform operator access required");
  return caller.actor;
}

/**
 * Staff of the caller's business, or one of its API keys with the READ scope; a yes/no for "see
 * nothing" answers. The same rule as `requireStaff(caller, "read")`, answered without making the
 * error that function would throw: every contact's request asks this, and an error's stack trace
 * cost more than the rest of the check.
 */
export function isStaffReader(caller: Caller): boolean {
  if (!caller.businessId) return false;
  const actor = caller.actor;
  return actor.kind === "staff" || (actor.kind === "apiKey" && actor.scopes?.includes("read") === true);
}

/** Anonymous callers are asked to sign in; signed-in callers without rights simply see nothing. */
export function requireSignedIn(caller: Caller): void {
  if (caller.actor.kind === "anonymous" || !caller.actor.id) throw unauthenticated();
}
