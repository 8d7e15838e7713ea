import { sql, type EntityManager } from "@portal/kit";
import { BusinessProfile } from "./business-profile.entity.js";
import { ContactProfile } from "./contact-profile.entity.js";
import type { BusinessSnapshot, ContactChanged } from "./identity-events.js";

/** Upserts the business projection; the newest `occurredAt` wins (events may arrive late or twice). */
export async function recordBusinessSnapshot(em: EntityManager, business: BusinessSnapshot, occurredAt: string): Promise<void> {
  await sql(
    em,
    `insert into "billing"."business_profile" (business_id, display_name, logo_url, primary_color, accent_color, portal_url, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (business_id) do update set
       display_name = excluded.display_name, logo_url = excluded.logo_url, primary_color = excluded.primary_color,
       accent_color = excluded.accent_color, portal_url = excluded.portal_url, updated_at = excluded.updated_at
     where "business_profile".updated_at <= excluded.updated_at`,
    [business.id, business.displayName || business.name, business.logoUrl, business.primaryColor, business.accentColor, business.portalUrl, occurredAt],
  );
}

/** Upserts the contact projection; the newest `occurredAt` wins, and a contact never changes business. */
export async function recordContactSnapshot(em: EntityManager, businessId: string, contact: ContactChanged["contact"], occurredAt: string): Promise<void> {
  await sql(
    em,
    `insert into "billing"."contact_profile" (contact_id, business_id, name, email, updated_at)
     values (?, ?, ?, ?, ?)
     on conflict (contact_id) do update set name = excluded.name, email = excluded.email, updated_at = excluded.updated_at
     where "contact_profile".updated_at <= excluded.updated_at and "contact_profile".business_id = excluded.business_id`,
    [contact.id, businessId, contact.name, contact.email, occurredAt],
  );
}

/** Both run on the request's tenant-scoped EntityManager; null until identity's first event arrived. */
export function findBusinessProfile(em: EntityManager, businessId: string): Promise<BusinessProfile | null> {
  return em.findOne(BusinessProfile, { businessId });
}

export function findContactProfile(em: EntityManager, contactId: string): Promise<ContactProfile | null> {
  return em.findOne(ContactProfile, { contactId });
}
