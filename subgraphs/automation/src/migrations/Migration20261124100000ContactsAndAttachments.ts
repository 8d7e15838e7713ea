import { Migration } from "@mikro-orm/migrations";

const S = `"automation"`;

/** The contact projection (for invoice and receipt emails) and attachment details in the dev mailbox. */
export class Migration20261124100000ContactsAndAttachments extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."contact_profile" (
      "contact_id" uuid primary key,
      "business_id" uuid not null,
      "name" text not null,
      "first_name" text not null,
      "email" text not null,
      "dnd" boolean not null,
      "access_status" text not null,
      "updated_at" timestamptz not null
    )`);
    this.addSql(`create index "contact_profile_business" on ${S}."contact_profile" ("business_id")`);
    this.addSql(`alter table ${S}."dev_mail_message" add column "attachments" jsonb not null default '[]'`);
  }
}
