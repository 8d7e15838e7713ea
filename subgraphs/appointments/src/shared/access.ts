import type { Caller } from "@portal/kit";

/** The caller's contact id when a client signed in, else null. */
export function contactIdOf(caller: Caller): string | null {
  return caller.businessId && caller.actor.kind === "contact" && caller.actor.id ? caller.actor.id : null;
}

/** The caller's staff id when a team member signed in, else null (API keys are not people). */
export function staffIdOf(caller: Caller): string | null {
  return caller.businessId && caller.actor.kind === "staff" && caller.actor.id ? caller.actor.id : null;
}

/** Staff of the business, or an API key with the WRITE scope. */
export const canWrite = (caller: Caller) =>
  Boolean(caller.businessId) &&
  (caller.actor.kind === "staff" || (caller.actor.kind === "apiKey" && Boolean(caller.actor.scopes?.includes("write"))));
