import { recordEvent, type EntityManager } from "@portal/kit";
import { firstNameOf } from "../shared/snapshots.js";
import type { Contact } from "./contact.entity.js";

export const CONTACT_CHANGED = "identity.contact.changed";

/** What other subgraphs may know about a contact (docs/architecture.md, identity events). */
export interface ContactSnapshot {
  id: string;
  name: string;
  firstName: string;
  email: string;
  dnd: boolean;
  /** The API's PortalAccessStatus: NONE, INVITED, ACTIVE or REVOKED. */
  accessStatus: string;
}

export function contactSnapshot(contact: Contact): ContactSnapshot {
  const { id, name, email, dnd } = contact;
  return { id, name, firstName: firstNameOf(name), email, dnd, accessStatus: contact.accessStatus.toUpperCase() };
}

/**
 * Publishes the contact's current state so other subgraphs can address and greet them. Call it
 * inside the change's transaction, after the contact has an id (i.e. after a flush when created).
 */
export function recordContactChanged(em: EntityManager, contact: Contact): void {
  recordEvent(em, CONTACT_CHANGED, contact.businessId, { contact: contactSnapshot(contact) });
}
