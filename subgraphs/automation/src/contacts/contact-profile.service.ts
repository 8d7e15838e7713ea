import { sql, type EntityManager } from "@portal/kit";
import type { ContactSnapshot } from "../events/identity-events.js";
import { ContactProfile } from "./contact-profile.entity.js";

/**
 * Upserts the projection, last writer wins on the time identity recorded the change: a snapshot
 * older than the stored one is ignored (events may arrive out of order or twice).
 */
export async function recordContactSnapshot(em: EntityManager, businessId: string, contact: ContactSnapshot, occurredAt: string): Promise<void> {
  await sql(
    em,
    `insert into "automation"."contact_profile" (contact_id, business_id, name, first_name, email, dnd, access_status, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (contact_id) do update set
       name = excluded.name, first_name = excluded.first_name, email = excluded.email, dnd = excluded.dnd,
       access_status = excluded.access_status, updated_at = excluded.updated_at
     where "contact_profile".updated_at <= excluded.updated_at and "contact_profile".business_id = excluded.business_id`,
    [contact.id, businessId, contact.name, contact.firstName || contact.name, contact.email, contact.dnd, contact.accessStatus, occurredAt],
  );
}

/** The contact as last published by identity, or null when their first event hasn't arrived yet. */
export function findContactProfile(em: EntityManager, businessId: string, contactId: string): Promise<ContactProfile | null> {
  return em.findOne(ContactProfile, { businessId, contactId });
}
