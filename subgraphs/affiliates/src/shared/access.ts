import { type Caller, isStaffReader } from "@portal/kit";

/** The caller's contact id when a client signed in, else null. */
export function contactIdOf(caller: Caller): string | null {
  return caller.businessId && caller.actor.kind === "contact" && caller.actor.id ? caller.actor.id : null;
}

/** Who is looking at affiliate figures: staff (and READ keys) see everything of their business, a client only their own. */
export type Viewer = { kind: "staff" } | { kind: "contact"; contactId: string } | { kind: "none" };

export function viewerOf(caller: Caller): Viewer {
  if (isStaffReader(caller)) return { kind: "staff" };
  const contactId = contactIdOf(caller);
  return contactId ? { kind: "contact", contactId } : { kind: "none" };
}
