import type { Recipient as EmailRecipient } from "@portal/contracts";
import { KnownBusiness, KnownContact, KnownStaff, type EntityManager } from "@portal/kit";
import type { Document } from "../documents/document.entity.js";
import type { Recipient } from "../documents/recipient.entity.js";

/** `recipient` of documents' email events (the contracts' Recipient, as identity's). */
export type { EmailRecipient };

/** What an event needs from documents' copy of identity's data: business name and portal URL, and the people it addresses. */
export interface Audience {
  businessName: string;
  portalUrl: string;
  contacts: Map<string, KnownContact>;
  staff: Map<string, KnownStaff>;
}

const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] || name;

/**
 * Loads the people of `recipients` and `staffIds`. The portal URL is the business's current one;
 * until identity's snapshot has arrived, the one recorded when the document was sent.
 */
export async function loadAudience(
  em: EntityManager,
  document: Document,
  recipients: Recipient[],
  staffIds: string[] = [],
): Promise<Audience> {
  const contactIds = recipients.flatMap((r) => (r.contactId ? [r.contactId] : []));
  const allStaff = [...new Set([...recipients.flatMap((r) => (r.staffId ? [r.staffId] : [])), ...staffIds])];
  // One statement at a time: inside a transaction they share its connection.
  const business = await em.findOne(KnownBusiness, { businessId: document.businessId });
  const contacts = contactIds.length ? await em.find(KnownContact, { contactId: { $in: contactIds } }) : [];
  const staff = allStaff.length ? await em.find(KnownStaff, { staffId: { $in: allStaff } }) : [];
  return {
    businessName: (business?.displayName || business?.name) ?? "",
    portalUrl: (business?.portalUrl || document.portalUrl || "").replace(/\/+$/, ""),
    contacts: new Map(contacts.map((p) => [p.contactId, p])),
    staff: new Map(staff.map((p) => [p.staffId, p])),
  };
}

/** Current name and address of a recipient (as identity last published them), falling back to what the draft recorded. */
export function emailRecipientOf(recipient: Recipient, audience: Audience): EmailRecipient {
  if (recipient.contactId) {
    const contact = audience.contacts.get(recipient.contactId);
    const name = contact?.name ?? recipient.name;
    return {
      email: contact?.email ?? recipient.email,
      name,
      firstName: contact?.firstName || firstNameOf(name),
      dnd: contact?.dnd ?? false,
    };
  }
  const member = recipient.staffId ? audience.staff.get(recipient.staffId) : undefined;
  const name = member?.name ?? recipient.name;
  return { email: member?.email ?? recipient.email, name, firstName: firstNameOf(name), dnd: false };
}

export function staffRecipient(member: KnownStaff): EmailRecipient {
  return { email: member.email, name: member.name, firstName: firstNameOf(member.name), dnd: false };
}

/** Where each kind of party opens the document: the portal for contacts, the admin console for staff. */
export function linkFor(kind: "contact" | "staff", audience: Audience, documentId: string): string {
  return kind === "contact" ? `${audience.portalUrl}/documents/${documentId}` : `${audience.portalUrl}/admin/documents/${documentId}`;
}
