import { Migration } from "@mikro-orm/migrations";

const S = `"billing"`;

/** Offers sold on public order pages, and their orders (one Stripe PaymentIntent each). */
export class Migration20261206160000OrderForms extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."offer" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "name" text not null,
      "description" text not null default '',
      "description_html" text not null default '',
      "price" integer not null check ("price" > 0),
      "currency" text not null,
      "slug" text not null,
      "course_ids" jsonb not null default '[]',
      "group_ids" jsonb not null default '[]',
      "status" text not null default 'active' check ("status" in ('active', 'archived')),
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      unique ("business_id", "slug"))`);

    this.addSql(`create table ${S}."order_counter" ("business_id" uuid primary key, "last_number" integer not null)`);

    // The offer's name, price and grants are copied at the order: editing the offer later never
    // changes what a buyer paid for. `payment_intent_id` is unique, so a payment marks one order only.
    this.addSql(`create table ${S}."offer_order" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "number" integer not null,
      "offer_id" uuid not null references ${S}."offer" ("id"),
      "offer_name" text not null,
      "amount" integer not null check ("amount" > 0),
      "currency" text not null,
      "course_ids" jsonb not null default '[]',
      "group_ids" jsonb not null default '[]',
      "buyer_name" text not null,
      "buyer_email" text not null,
      "referral_code" text null,
      "token_hash" text not null,
      "status" text not null default 'pending' check ("status" in ('pending', 'paid', 'ready')),
      "payment_method" text null,
      "payment_intent_id" text null unique,
      "contact_id" uuid null,
      "new_contact" boolean null,
      "buyer_access_status" text null,
      "paid_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      unique ("business_id", "number"))`);
    this.addSql(`create index "offer_order_business_created" on ${S}."offer_order" ("business_id", "number" desc)`);
    this.addSql(`create index "offer_order_contact" on ${S}."offer_order" ("business_id", "contact_id")`);

    // Public order starts per client IP (rate-limiter-flexible's table layout).
    this.addSql(
      `create table ${S}."order_rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint)`,
    );
  }
}
