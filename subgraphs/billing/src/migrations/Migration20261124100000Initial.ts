import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";

const S = `"billing"`;

/** Invoices, their per-business number counter, payments and refunds, and the outbox. */
export class Migration20261124100000Initial extends Migration {
  async up(): Promise<void> {
    // One row per business; `update ... returning` inside the creating transaction hands out numbers
    // without gaps (a rolled-back creation rolls the counter back too) or duplicates (the row lock).
    this.addSql(`create table ${S}."invoice_counter" (
      "business_id" uuid primary key,
      "last_number" integer not null)`);

    this.addSql(`create table ${S}."invoice" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "contact_id" uuid not null,
      "number" integer not null,
      "status" text not null check ("status" in ('draft', 'open', 'paid', 'void', 'refunded', 'partially_refunded')),
      "currency" text not null,
      "lines" jsonb not null,
      "tax_rate_bps" integer null,
      "discount_amount" integer null,
      "subtotal" integer not null,
      "discount" integer not null,
      "tax" integer not null,
      "total" integer not null,
      "amount_paid" integer not null default 0,
      "amount_refunded" integer not null default 0,
      "issue_date" date not null,
      "due_date" date not null,
      "notes" text not null default '',
      "memo" text not null default '',
      "sent_at" timestamptz null,
      "paid_at" timestamptz null,
      "voided_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      unique ("business_id", "number"),
      check ("amount_refunded" <= "amount_paid"))`);
    this.addSql(`create index "invoice_contact" on ${S}."invoice" ("business_id", "contact_id", "status", "due_date")`);
    this.addSql(`create index "invoice_list" on ${S}."invoice" ("business_id", "created_at", "id")`);

    this.addSql(`create table ${S}."payment" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "invoice_id" uuid not null references ${S}."invoice" ("id") on delete cascade,
      "kind" text not null check ("kind" in ('payment', 'refund')),
      "amount" integer not null check ("amount" > 0),
      "method" text not null,
      "reference" text not null default '',
      "created_at" timestamptz not null default now())`);
    this.addSql(`create index "payment_invoice" on ${S}."payment" ("invoice_id", "created_at")`);

    for (const statement of eventTablesSql("billing")) this.addSql(statement);
  }
}
