import { identity, type ContactSnapshot } from "@portal/contracts";
import { publish, type EntityManager } from "@portal/kit";
import { firstNameOf } from "../shared/snapshots.js";
import type { Contact } from "./contact.entity.js";

/** What other subgraphs may know about a contact (`ContactSnapshot` in @portal/contracts). */
export function contactSnapshot(contact: Contact): ContactSnapshot {
  const { id, name, email, dnd } = contact;
  const accessStatus = contact.accessStatus.toUpperCase() as ContactSnapshot["accessStatus"]; // the API's PortalAccessStatus
  return { id, name, firstName: firstNameOf(name), email, dnd, accessStatus };
}

/**
 * Publishes the contact's current state so other subgraphs can address and greet them. Call it
 * inside the change's transaction, after the contact has an id (i.e. after a flush when created);
 * `created` marks the contact's creation (workflows' "contact created" trigger).
 */
export function recordContactChanged(em: EntityManager, contact: Contact, change: { created?: boolean } = {}): void {
  publish(em, identity.contactChanged, contact.businessId, {
    contact: contactSnapshot(contact),
    ...(change.created ? { created: true } : {}),
  });
}

/**
 * "This contact arrived through an affiliate's link": affiliates credits the link's affiliate, if the
 * code is one of the business's links. Call it in the creation's transaction, after the flush.
 */
export function recordContactReferred(em: EntityManager, contact: Contact, referralCode: string): void {
  publish(em, identity.contactReferred, contact.businessId, {
    contactId: contact.id,
    referralCode,
    occurredAt: contact.createdAt.toISOString(),
  });
}
