import { type Caller, isStaffReader } from "@portal/kit";
import type { PersonKindValue } from "./enums.js";

/** Someone who can write in a group: a signed-in contact (a member) or a staff member. */
export interface Person {
  kind: PersonKindValue;
  id: string;
}

/** The caller as a person of the business, or null (anonymous, operator, API key, system). */
export function personOf(caller: Caller): Person | null {
  const { kind, id } = caller.actor;
  if (!caller.businessId || !id) return null;
  return kind === "contact" || kind === "staff" ? { kind, id } : null;
}

/** Staff and READ API keys see every group of their business; contacts only the groups they belong to. */
export const seesAllGroups = (caller: Caller): boolean => isStaffReader(caller);

/** The caller's contact id when a contact signed in, else null. */
export function contactIdOf(caller: Caller): string | null {
  return caller.businessId && caller.actor.kind === "contact" && caller.actor.id ? caller.actor.id : null;
}
