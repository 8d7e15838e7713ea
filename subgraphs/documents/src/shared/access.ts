import type { Caller } from "@portal/kit";

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

/** The name the audit trail gives the caller when documents does not know them from identity. */
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
