import { Migration } from "@mikro-orm/migrations";

const S = `"documents"`;

/**
 * Documents' copies of identity's businesses, contacts and team members move to the kit's identity
 * projection (`known_business`, `known_contact`, `known_staff`, created by its migration just before
 * this one), keeping every row and its time, and the old tables go. Staff roles become the API's
 * (`OWNER`, `STAFF`), as identity's snapshots name them. Fields documents never kept get stand-ins: a
 * business's slug (''), name (its display name), logo (none) and colours (identity's defaults for a new
 * business), a contact's portal access ('NONE'). Identity's snapshot, which documents asks for on every
 * start, replaces them: being newer than any copied row, it always wins.
 */
export class Migration20261205100000IdentityProjection extends Migration {
  async up(): Promise<void> {
    this.addSql(`insert into ${S}."known_business"
        (business_id, slug, name, display_name, logo_url, primary_color, accent_color, portal_url, updated_at)
      select business_id, '', display_name, display_name, null, '#2563eb', '#f59e0b', portal_url, updated_at
      from ${S}."business_profile"
      on conflict (business_id) do nothing`);
    this.addSql(`insert into ${S}."known_contact" (contact_id, business_id, name, first_name, email, dnd, access_status, updated_at)
      select contact_id, business_id, name, first_name, email, dnd, 'NONE', updated_at
      from ${S}."contact_profile"
      on conflict (contact_id) do nothing`);
    this.addSql(`insert into ${S}."known_staff" (staff_id, business_id, name, email, role, removed, updated_at)
      select staff_id, business_id, name, email, upper(role), removed, updated_at
      from ${S}."staff_profile"
      on conflict (staff_id) do nothing`);
    this.addSql(`drop table ${S}."business_profile"`);
    this.addSql(`drop table ${S}."contact_profile"`);
    this.addSql(`drop table ${S}."staff_profile"`);
  }
}
