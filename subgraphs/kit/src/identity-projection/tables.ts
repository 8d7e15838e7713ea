import { Migration } from "@mikro-orm/migrations";

/** The projection's tables in `schema`, the mounting subgraph's own (entities in known-identity.entities.ts). */
export function identityProjectionTablesSql(schema: string): string[] {
  const s = `"${schema}"`;
  return [
    `create table ${s}."known_business" (
      "business_id" uuid primary key,
      "slug" text not null,
      "name" text not null,
      "display_name" text not null,
      "logo_url" text null,
      "primary_color" text not null,
      "accent_color" text not null,
      "portal_url" text not null,
      "updated_at" timestamptz not null)`,
    `create table ${s}."known_contact" (
      "contact_id" uuid primary key,
      "business_id" uuid not null,
      "name" text not null,
      "first_name" text not null,
      "email" text not null,
      "dnd" boolean not null,
      "access_status" text not null,
      "updated_at" timestamptz not null)`,
    `create index "known_contact_business_id_index" on ${s}."known_contact" ("business_id")`,
    `create table ${s}."known_staff" (
      "staff_id" uuid primary key,
      "business_id" uuid not null,
      "name" text not null,
      "email" text not null,
      "role" text not null,
      "removed" boolean not null,
      "updated_at" timestamptz not null)`,
    `create index "known_staff_business_id_index" on ${s}."known_staff" ("business_id")`,
  ];
}

/** Its name in a subgraph's migration list (and `mikro_orm_migrations`). */
export const IDENTITY_PROJECTION_MIGRATION = "Migration20261205000000IdentityProjection";

/** The migration that creates the projection's tables in `schema`. */
export function identityProjectionMigration(schema: string): { name: string; class: new (...args: never[]) => Migration } {
  class IdentityProjectionTables extends Migration {
    async up(): Promise<void> {
      for (const statement of identityProjectionTablesSql(schema)) this.addSql(statement);
    }
  }
  return { name: IDENTITY_PROJECTION_MIGRATION, class: IdentityProjectionTables as never };
}
