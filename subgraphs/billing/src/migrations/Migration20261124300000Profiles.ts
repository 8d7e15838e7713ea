import { Migration } from "@mikro-orm/migrations";

const S = `"billing"`;

/** Billing's copies of identity's business branding and contact names, for invoice and receipt PDFs. */
export class Migration20261124300000Profiles extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."business_profile" (
      "business_id" uuid primary key,
      "display_name" text not null,
      "logo_url" text null,
      "primary_color" text not null,
      "accent_color" text not null,
      "portal_url" text not null,
      "updated_at" timestamptz not null)`);
    this.addSql(`create table ${S}."contact_profile" (
      "contact_id" uuid primary key,
      "business_id" uuid not null,
      "name" text not null,
      "email" text not null,
      "updated_at" timestamptz not null)`);
  }
}
