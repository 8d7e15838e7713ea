import { requireStaff, unauthenticated, type Caller } from "@portal/kit";

/** Whether `check` passes without throwing. */
function allowed(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

/** Staff of the caller's business, or one of its API keys with the READ scope. */
export const isStaffReader = (caller: Caller) => allowed(() => requireStaff(caller, "read"));

/** Who a recipient can be: a signed-in contact or staff member of the business. */
export interface Party {
  kind: "contact" | "staff";
  id: string;
}

export function partyOf(caller: Caller): Party | null {
  const { kind, id } = caller.actor;
  if (!caller.businessId || !id) return null;
  return kind === "contact" || kind === "staff" ? { kind, id } : null;
}

export function isParty(recipient: { contactId: string | null; staffId: string | null }, party: Party | null): boolean {
  if (!party) return false;
  return party.kind === "contact" ? recipient.contactId === party.id : recipient.staffId === party.id;
}

/** Anonymous callers are asked to sign in; signed-in callers without rights simply see nothing. */
export function requireSignedIn(caller: Caller): void {
  if (caller.actor.kind === "anonymous" || !caller.actor.id) throw unauthenticated();
}

/** The name the audit trail gives the caller when no profile is known. */
export function actorLabel(caller: Caller): string {
  switch (caller.actor.kind) {
    case "apiKey":
      return "API key";
    case "system":
      return "System";
    case "staff":
      return "Staff member";
    case "contact":
      return "Contact";
    default:
      return "Unknown";
  }
}
