import type { BusinessSnapshot, ContactSnapshot, StaffSnapshot } from "@portal/contracts";
import { sql, type EntityManager } from "../db.js";

/*
 * Upserts of identity's snapshots into the projection. Newest wins: `at` is when identity recorded
 * the snapshot (an event's `occurredAt`, a catch-up answer's `takenAt`), and a row is replaced only
 * by a snapshot at least as recent, so events arriving late, twice or after a catch-up answer never
 * take a copy back in time. A contact or team member never moves to another business.
 */

/** The projection's tables live in the subgraph's own schema: the EntityManager's default one. */
function schemaOf(em: EntityManager): string {
  const schema = em.config.get("schema");
  if (!schema) throw new Error("The identity projection needs the subgraph's schema as the ORM's default schema");
  return `"${schema}"`;
}

export async function saveBusinessSnapshot(em: EntityManager, business: BusinessSnapshot, at: string | Date): Promise<void> {
  await sql(
    em,
    `insert into ${schemaOf(em)}."known_business" as known
       (business_id, slug, name, display_name, logo_url, primary_color, accent_color, portal_url, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (business_id) do update set
       slug = excluded.slug, name = excluded.name, display_name = excluded.display_name, logo_url = excluded.logo_url,
       primary_color = excluded.primary_color, accent_color = excluded.accent_color, portal_url = excluded.portal_url,
       updated_at = excluded.updated_at
     where known.updated_at <= excluded.updated_at`,
    [
      business.id,
      business.slug,
      business.name,
      business.displayName,
      business.logoUrl,
      business.primaryColor,
      business.accentColor,
      business.portalUrl,
      at,
    ],
  );
}

export async function saveContactSnapshot(
  em: EntityManager,
  businessId: string,
  contact: ContactSnapshot,
  at: string | Date,
): Promise<void> {
  await sql(
    em,
    `insert into ${schemaOf(em)}."known_contact" as known
       (contact_id, business_id, name, first_name, email, dnd, access_status, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (contact_id) do update set
       name = excluded.name, first_name = excluded.first_name, email = excluded.email, dnd = excluded.dnd,
       access_status = excluded.access_status, updated_at = excluded.updated_at
     where known.updated_at <= excluded.updated_at and known.business_id = excluded.business_id`,
    [contact.id, businessId, contact.name, contact.firstName, contact.email, contact.dnd, contact.accessStatus, at],
  );
}

export async function saveStaffSnapshot(em: EntityManager, businessId: string, staff: StaffSnapshot, at: string | Date): Promise<void> {
  await sql(
    em,
    `insert into ${schemaOf(em)}."known_staff" as known (staff_id, business_id, name, email, role, removed, updated_at)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (staff_id) do update set
       name = excluded.name, email = excluded.email, role = excluded.role, removed = excluded.removed, updated_at = excluded.updated_at
     where known.updated_at <= excluded.updated_at and known.business_id = excluded.business_id`,
    [staff.id, businessId, staff.name, staff.email, staff.role, staff.removed, at],
  );
}

/**
 * Identity deletes a team member it removes, so a complete list of a business's team (a catch-up
 * answer) says who is gone by leaving them out: they are flagged removed, unless the copy is newer
 * than the list (someone added after it was taken).
 */
export async function flagStaffMissingFrom(
  em: EntityManager,
  businessId: string,
  present: readonly string[],
  at: string | Date,
): Promise<void> {
  await sql(
    em,
    `update ${schemaOf(em)}."known_staff" set removed = true, updated_at = ?
     where business_id = ? and not removed and updated_at < ? and not (staff_id = any(?::uuid[]))`,
    [at, businessId, at, `{${present.join(",")}}`], // an array literal: knex would spread a JS array into a list
  );
}
