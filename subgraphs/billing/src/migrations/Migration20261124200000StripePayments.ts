import { Migration } from "@mikro-orm/migrations";

const S = `"billing"`;

/** Online payment attempts (one Stripe PaymentIntent each) and the provider events already applied. */
export class Migration20261124200000StripePayments extends Migration {
  async up(): Promise<void> {
    // `generation` counts attempts per invoice; with the amount due it makes the idempotency key, so a
    // retry of the same attempt reaches the same PaymentIntent even if our own commit was lost.
    this.addSql(`create table ${S}."payment_attempt" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "invoice_id" uuid not null references ${S}."invoice" ("id") on delete cascade,
      "generation" integer not null,
      "amount" integer not null check ("amount" > 0),
      "currency" text not null,
      "provider_id" text not null unique,
      "status" text not null default 'pending' check ("status" in ('pending', 'succeeded', 'failed', 'canceled')),
      "failure_reason" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      unique ("invoice_id", "generation"))`);

    // Inserted in the transaction that applies the event: a replay finds its id and changes nothing.
    this.addSql(`create table ${S}."provider_event" (
      "event_id" text primary key,
      "type" text not null,
      "business_id" uuid null,
      "received_at" timestamptz not null default now())`);
  }
}
