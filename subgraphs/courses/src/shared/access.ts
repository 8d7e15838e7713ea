import type { Caller } from "@portal/kit";

/** The caller's contact id when a client signed in, else null. */
export function contactIdOf(caller: Caller): string | null {
  return caller.businessId && caller.actor.kind === "contact" && caller.actor.id ? caller.actor.id : null;
}
