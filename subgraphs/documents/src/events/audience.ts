import type { EntityManager } from "@portal/kit";
import type { Document } from "../documents/document.entity.js";
import type { Recipient } from "../documents/recipient.entity.js";
import { BusinessProfile, ContactProfile, StaffProfile } from "../profiles/profile.entities.js";

/** `recipient` of documents' email events, like identity's: `{ email, name, firstName, dnd }`. */
export interface EmailRecipient {
  email: string;
  name: string;
  firstName: string;
  dnd: boolean;
}

/** The profiles an event needs: business name and portal URL, and the people it addresses. */
export interface Audience {
  businessName: string;
  portalUrl: string;
  contacts: Map<string, ContactProfile>;
  staff: Map<string, StaffProfile>;
}

const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] || name;

/**
 * Loads the profiles for `recipients` and `staffIds`. The portal URL is the business's current one;
 * until identity's snapshot has arrived, the one recorded when the document was sent.
 */
export async function loadAudience(em: EntityManager, document: Document, recipients: Recipient[], staffIds: string[] = []): Promise<Audience> {
  const contactIds = recipients.flatMap((r) => (r.contactId ? [r.contactId] : []));
  const allStaff = [...new Set([...recipients.flatMap((r) => (r.staffId ? [r.staffId] : [])), ...staffIds])];
  // One statement at a time: inside a transaction they share its connection.
  const business = await em.findOne(BusinessProfile, { businessId: document.businessId });
  const contacts = contactIds.length ? await em.find(ContactProfile, { contactId: { $in: contactIds } }) : [];
  const staff = allStaff.length ? await em.find(StaffProfile, { staffId: { $in: allStaff } }) : [];
  return {
    businessName: business?.displayName ?? "",
    portalUrl: (business?.portalUrl || document.portalUrl || "").replace(/\/+$/, ""),
    contacts: new Map(contacts.map((p) => [p.contactId, p])),
    staff: new Map(staff.map((p) => [p.staffId, p])),
  };
}

/** Current name and address of a recipient (their profile), falling back to what the draft recorded. */
export function emailRecipientOf(recipient: Recipient, audience: Audience): EmailRecipient {
  if (recipient.contactId) {
    const profile = audience.contacts.get(recipient.contactId);
    const name = profile?.name ?? recipient.name;
    return { email: profile?.email ?? recipient.email, name, firstName: profile?.firstName || firstNameOf(name), dnd: profile?.dnd ?? false };
  }
  const profile = recipient.staffId ? audience.staff.get(recipient.staffId) : undefined;
  const name = profile?.name ?? recipient.name;
  return { email: profile?.email ?? recipient.email, name, firstName: firstNameOf(name), dnd: false };
}

export function staffRecipient(profile: StaffProfile): EmailRecipient {
  return { email: profile.email, name: profile.name, firstName: firstNameOf(profile.name), dnd: false };
}

/** Where each kind of party opens the document: the portal for contacts, the admin console for staff. */
export function linkFor(kind: "contact" | "staff", audience: Audience, documentId: string): string {
  return kind === "contact" ? `${audience.portalUrl}/documents/${documentId}` : `${audience.portalUrl}/admin/documents/${documentId}`;
}
