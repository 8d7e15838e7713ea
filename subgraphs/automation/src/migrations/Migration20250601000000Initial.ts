import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";

const S = `"automation"`;

/** Templates, email log, dev mailbox and the business profile projection. */
export class Migration20250601000000Initial extends Migration {
  async up(): Promise<void> {
    for (const statement of eventTablesSql("automation")) this.addSql(statement);

    this.addSql(`create table ${S}."business_profile" (
      "business_id" uuid primary key,
      "slug" text not null,
      "name" text not null,
      "display_name" text not null,
      "logo_url" text null,
      "primary_color" text not null,
      "accent_color" text not null,
      "portal_url" text not null,
      "updated_at" timestamptz not null
    )`);

    this.addSql(`create table ${S}."notification_template" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "key" text not null,
      "subject" text not null,
      "body" text not null,
      "updated_at" timestamptz not null default now(),
      constraint "notification_template_business_key" unique ("business_id", "key")
    )`);

    this.addSql(`create table ${S}."email_log" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid null,
      "event_id" uuid null,
      "recipient" text not null,
      "template" text not null,
      "subject" text not null,
      "status" text not null check ("status" in ('QUEUED', 'SENT', 'SUPPRESSED', 'FAILED')),
      "reason" text null,
      "attempts" int not null default 0,
      "provider_message_id" text null,
      "created_at" timestamptz not null default now(),
      "sent_at" timestamptz null
    )`);
    this.addSql(`create index "email_log_business_recent" on ${S}."email_log" ("business_id", "created_at" desc, "id" desc)`);

    this.addSql(`create table ${S}."dev_mail_message" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid null,
      "to" text not null,
      "from" text not null,
      "subject" text not null,
      "html" text not null,
      "text" text not null,
      "template" text not null,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "dev_mail_message_business_recent" on ${S}."dev_mail_message" ("business_id", "created_at" desc, "id" desc)`);
  }
}
