import { requireActor, requireBusiness, requireStaff, unauthenticated, type Caller, type EntityManager } from "@portal/kit";
import { Contact } from "../contacts/contact.entity.js";

/**
 * Anyone signed in to this business: its staff, its contacts, or one of its API keys. For data the
 * whole business shares (its settings), not for anyone's personal data.
 */
export function requireMember(caller: Caller): string {
  if (caller.actor.kind === "contact" && caller.actor.id) return requireBusiness(caller);
  return requireStaff(caller, "read").businessId;
}

/** The calling contact, re-read so that a contact whose access was just removed is refused. */
export async function requireActiveContact(em: EntityManager, caller: Caller): Promise<Contact> {
  const actor = requireActor(caller, "contact");
  requireBusiness(caller);
  const contact = await em.findOne(Contact, { id: actor.id, accessStatus: "active" });
  if (!contact) throw unauthenticated("Your portal access has ended");
  return contact;
}

/** Staff of the business (people, not API keys): managing credentials is not delegated to keys. */
export function requireStaffPerson(caller: Caller): { businessId: string; staffId: string } {
  const actor = requireActor(caller, "staff");
  return { businessId: requireBusiness(caller), staffId: actor.id };
}

/** Whether the caller may see this contact: the contact themself, or their business's staff/keys. */
export function canSeeContact(caller: Caller, contact: { id: string; businessId: string }): boolean {
  if (caller.businessId !== contact.businessId) return false;
  if (caller.actor.kind === "contact") return caller.actor.id === contact.id;
  if (caller.actor.kind === "staff") return true;
  return caller.actor.kind === "apiKey" && (caller.actor.scopes ?? []).includes("read");
}
