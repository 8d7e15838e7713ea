import { Migration } from "@mikro-orm/migrations";

const S = `"billing"`;

/**
 * Billing's copies of identity's businesses and contacts move to the kit's identity projection
 * (`known_business`, `known_contact`, created by its migration just before this one), keeping every
 * row and its time, and the old tables go. Fields billing never kept (a business's slug, a contact's
 * do-not-disturb and portal access) get stand-ins until identity's snapshot, which billing asks for on
 * every start, replaces them: being newer than any copied row, it always wins.
 */
export class Migration20261205100000IdentityProjection extends Migration {
  async up(): Promise<void> {
    this.addSql(`insert into ${S}."known_business"
        (business_id, slug, name, display_name, logo_url, primary_color, accent_color, portal_url, updated_at)
      select business_id, '', display_name, display_name, logo_url, primary_color, accent_color, portal_url, updated_at
      from ${S}."business_profile"
      on conflict (business_id) do nothing`);
    this.addSql(`insert into ${S}."known_contact" (contact_id, business_id, name, first_name, email, dnd, access_status, updated_at)
      select contact_id, business_id, name, coalesce(substring(btrim(name) from '^\\S+'), name), email, false, 'NONE', updated_at
      from ${S}."contact_profile"
      on conflict (contact_id) do nothing`);
    this.addSql(`drop table ${S}."business_profile"`);
    this.addSql(`drop table ${S}."contact_profile"`);
  }
}
