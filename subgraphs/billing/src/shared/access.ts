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

/** The signed-in contact's id, or null for anyone else. */
export function contactIdOf(caller: Caller): string | null {
  return caller.businessId && caller.actor.kind === "contact" && caller.actor.id ? caller.actor.id : null;
}

/** Who may read a contact's invoices: that contact, or staff of the business (the tenant filter does the rest). */
export function canReadInvoicesOf(caller: Caller, contactId: string): boolean {
  return contactIdOf(caller) === contactId || isStaffReader(caller);
}

/** Anonymous callers are asked to sign in; signed-in callers without rights simply see nothing. */
export function requireSignedIn(caller: Caller): void {
  if (caller.actor.kind === "anonymous" || !caller.actor.id) throw unauthenticated();
}
