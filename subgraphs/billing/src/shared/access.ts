import { isStaffReader, type Caller } from "@portal/kit";

/** The signed-in contact's id, or null for anyone else. */
export function contactIdOf(caller: Caller): string | null {
  return caller.businessId && caller.actor.kind === "contact" && caller.actor.id ? caller.actor.id : null;
}

/** Who may read a contact's invoices: that contact, or staff of the business (the tenant filter does the rest). */
export function canReadInvoicesOf(caller: Caller, contactId: string): boolean {
  return contactIdOf(caller) === contactId || isStaffReader(caller);
}
