import { sql, type EntityManager } from "@portal/kit";
import type { BusinessUpdated, ContactChanged, StaffChanged } from "./identity-events.js";
import { BusinessProfile, ContactProfile, StaffProfile } from "./profile.entities.js";

/** Upserts the business projection; the newest `occurredAt` wins (events may arrive late or twice). */
export async function recordBusinessSnapshot(em: EntityManager, business: BusinessUpdated["business"], occurredAt: string): Promise<void> {
  await sql(
    em,
    `insert into "documents"."business_profile" (business_id, display_name, portal_url, updated_at) values (?, ?, ?, ?)
     on conflict (business_id) do update set display_name = excluded.display_name, portal_url = excluded.portal_url, updated_at = excluded.updated_at
     where "business_profile".updated_at <= excluded.updated_at`,
    [business.id, business.displayName || business.name, business.portalUrl, occurredAt],
  );
}

/** Upserts the contact projection; the newest wins, and a contact never changes business. */
export async function recordContactSnapshot(em: EntityManager, businessId: string, contact: ContactChanged["contact"], occurredAt: string): Promise<void> {
  const firstName = contact.firstName || contact.name.trim().split(/\s+/)[0] || contact.name;
  await sql(
    em,
    `insert into "documents"."contact_profile" (contact_id, business_id, name, first_name, email, dnd, updated_at) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (contact_id) do update set name = excluded.name, first_name = excluded.first_name, email = excluded.email, dnd = excluded.dnd, updated_at = excluded.updated_at
     where "contact_profile".updated_at <= excluded.updated_at and "contact_profile".business_id = excluded.business_id`,
    [contact.id, businessId, contact.name, firstName, contact.email, contact.dnd ?? false, occurredAt],
  );
}

/** Upserts the staff projection; the newest wins, and a staff member never changes business. */
export async function recordStaffSnapshot(em: EntityManager, businessId: string, staff: StaffChanged["staff"], occurredAt: string): Promise<void> {
  await sql(
    em,
    `insert into "documents"."staff_profile" (staff_id, business_id, name, email, role, removed, updated_at) values (?, ?, ?, ?, ?, ?, ?)
     on conflict (staff_id) do update set name = excluded.name, email = excluded.email, role = excluded.role, removed = excluded.removed, updated_at = excluded.updated_at
     where "staff_profile".updated_at <= excluded.updated_at and "staff_profile".business_id = excluded.business_id`,
    [staff.id, businessId, staff.name, staff.email, staff.role.toLowerCase(), staff.removed, occurredAt],
  );
}

/** These run on a tenant-scoped EntityManager; null until identity's first event arrived. */
export const findBusinessProfile = (em: EntityManager, businessId: string) => em.findOne(BusinessProfile, { businessId });
export const findContactProfile = (em: EntityManager, contactId: string) => em.findOne(ContactProfile, { contactId });
export const findStaffProfile = (em: EntityManager, staffId: string) => em.findOne(StaffProfile, { staffId });
