import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";
import { auditGuardsSql } from "./audit-guards.js";

const S = `"documents"`;

/** Documents, recipients, fields, signatures, the audit trail, profiles, the signing certificate and the outbox. */
export class Migration20261201100000Documents extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."document" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "title" text not null,
      "message" text not null default '',
      "status" text not null check ("status" in ('draft', 'sent', 'partially_signed', 'completed', 'declined', 'voided', 'expired')),
      "signing_order" text not null check ("signing_order" in ('sequential', 'parallel')),
      "file_name" text null,
      "page_count" integer not null default 0,
      "pages" jsonb not null default '[]',
      "original_pdf" bytea null,
      "original_sha256" text null,
      "final_pdf" bytea null,
      "stamped_sha256" text null,
      "final_sha256" text null,
      "expires_at" timestamptz null,
      "reminder_interval_days" integer null check ("reminder_interval_days" between 1 and 365),
      "sent_by_staff_id" uuid null,
      "portal_url" text null,
      "sent_at" timestamptz null,
      "completed_at" timestamptz null,
      "declined_at" timestamptz null,
      "voided_at" timestamptz null,
      "void_reason" text null,
      "expired_at" timestamptz null,
      "audit_head_sequence" integer not null default 0,
      "audit_head_hash" text not null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now())`);
    this.addSql(`create index "document_list" on ${S}."document" ("business_id", "created_at", "id")`);
    this.addSql(
      `create index "document_open_expiry" on ${S}."document" ("expires_at") where "status" in ('sent', 'partially_signed') and "expires_at" is not null`,
    );

    this.addSql(`create table ${S}."recipient" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "document_id" uuid not null references ${S}."document" ("id") on delete cascade,
      "kind" text not null check ("kind" in ('contact', 'staff')),
      "contact_id" uuid null,
      "staff_id" uuid null,
      "name" text not null,
      "email" text not null,
      "role" text not null check ("role" in ('signer', 'approver', 'cc')),
      "signing_order" integer not null check ("signing_order" >= 1),
      "position" integer not null,
      "status" text not null check ("status" in ('pending', 'signed', 'approved', 'declined', 'not_required')),
      "turn_started_at" timestamptz null,
      "last_reminded_at" timestamptz null,
      "viewed_at" timestamptz null,
      "signed_at" timestamptz null,
      "declined_at" timestamptz null,
      "decline_reason" text null,
      "signature_method" text null check ("signature_method" in ('drawn', 'typed')),
      "created_at" timestamptz not null default now(),
      check (("kind" = 'contact') = ("contact_id" is not null) and ("kind" = 'staff') = ("staff_id" is not null)),
      unique ("document_id", "contact_id"),
      unique ("document_id", "staff_id"))`);
    this.addSql(`create index "recipient_contact" on ${S}."recipient" ("business_id", "contact_id")`);
    this.addSql(`create index "recipient_document" on ${S}."recipient" ("document_id", "signing_order", "position")`);

    this.addSql(`create table ${S}."field" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "document_id" uuid not null references ${S}."document" ("id") on delete cascade,
      "recipient_id" uuid not null references ${S}."recipient" ("id") on delete cascade,
      "kind" text not null check ("kind" in ('signature', 'initials', 'date_signed', 'text')),
      "page" integer not null check ("page" >= 1),
      "x" double precision not null,
      "y" double precision not null,
      "width" double precision not null,
      "height" double precision not null,
      "label" text null,
      "required" boolean not null default true,
      "value" text null,
      "position" integer not null)`);
    this.addSql(`create index "field_document" on ${S}."field" ("document_id", "position")`);

    this.addSql(`create table ${S}."signature" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "document_id" uuid not null references ${S}."document" ("id") on delete cascade,
      "recipient_id" uuid not null unique references ${S}."recipient" ("id") on delete cascade,
      "action" text not null check ("action" in ('signed', 'approved')),
      "consent_version" text not null,
      "consent_text" text not null,
      "method" text null check ("method" in ('drawn', 'typed')),
      "typed_name" text null,
      "drawn_png" bytea null,
      "drawn_png_sha256" text null,
      "initials" text null,
      "ip" text not null,
      "user_agent" text not null,
      "signed_at" timestamptz not null)`);

    this.addSql(`create table ${S}."audit_entry" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "document_id" uuid not null references ${S}."document" ("id") on delete cascade,
      "sequence" integer not null check ("sequence" >= 1),
      "action" text not null,
      "actor_kind" text not null,
      "actor_id" text null,
      "actor_name" text not null,
      "recipient_id" uuid null,
      "ip" text null,
      "user_agent" text null,
      "details" text not null,
      "occurred_at" timestamptz not null,
      "previous_hash" text not null,
      "hash" text not null,
      unique ("document_id", "sequence"))`);
    for (const statement of auditGuardsSql(S)) this.addSql(statement);

    this.addSql(
      `create table ${S}."business_profile" ("business_id" uuid primary key, "display_name" text not null, "portal_url" text not null, "updated_at" timestamptz not null)`,
    );
    this.addSql(
      `create table ${S}."contact_profile" ("contact_id" uuid primary key, "business_id" uuid not null, "name" text not null, "first_name" text not null, "email" text not null, "dnd" boolean not null, "updated_at" timestamptz not null)`,
    );
    this.addSql(
      `create table ${S}."staff_profile" ("staff_id" uuid primary key, "business_id" uuid not null, "name" text not null, "email" text not null, "role" text not null, "removed" boolean not null, "updated_at" timestamptz not null)`,
    );

    // One platform certificate; `id = 1` makes concurrent first starts agree on a single row.
    this.addSql(`create table ${S}."signing_certificate" (
      "id" integer primary key check ("id" = 1),
      "sealed_p12" text not null,
      "sealed_passphrase" text not null,
      "subject" text not null,
      "created_at" timestamptz not null default now())`);

    for (const statement of eventTablesSql("documents")) this.addSql(statement);
  }
}
