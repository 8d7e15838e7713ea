import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";

const S = `"affiliates"`;

/**
 * The programme's settings, affiliates, their referral links, clicks, referrals, commissions (and
 * their adjustments) and payouts, and the outbox. Money is in integer minor units. The keys that keep
 * money right whatever the delivery: one click per link, day and visitor; one referral per contact;
 * one commission per invoice.
 */
export class Migration20261206150000Affiliates extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."programme" (
      "business_id" uuid primary key,
      "enabled" boolean not null default false,
      "commission_type" text not null default 'PERCENTAGE' check ("commission_type" in ('PERCENTAGE', 'FIXED')),
      "commission_basis_points" integer not null default 2000 check ("commission_basis_points" between 0 and 10000),
      "fixed_amount" integer not null default 0 check ("fixed_amount" >= 0),
      "fixed_currency" text not null default 'USD',
      "recurring_months" integer null check ("recurring_months" between 1 and 120),
      "attribution_window_days" integer not null default 30 check ("attribution_window_days" between 1 and 365),
      "hold_days" integer not null default 30 check ("hold_days" between 0 and 365),
      "minimum_payout" integer not null default 5000 check ("minimum_payout" >= 0),
      "allowed_landing_urls" jsonb not null default '[]',
      "updated_at" timestamptz(3) not null default now()
    )`);

    this.addSql(`create table ${S}."affiliate" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "contact_id" uuid not null,
      "status" text not null default 'ACTIVE' check ("status" in ('ACTIVE', 'REMOVED')),
      "created_at" timestamptz(3) not null default now(),
      "removed_at" timestamptz(3) null,
      unique ("business_id", "id"),
      unique ("business_id", "contact_id")
    )`);

    this.addSql(`create table ${S}."referral_link" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "affiliate_id" uuid not null,
      "code" text not null check ("code" ~ '^[a-z0-9-]{3,40}$'),
      "landing_url" text null,
      "is_default" boolean not null default false,
      "created_at" timestamptz(3) not null default now(),
      "deleted_at" timestamptz(3) null,
      unique ("business_id", "id"),
      unique ("business_id", "code"),
      foreign key ("business_id", "affiliate_id") references ${S}."affiliate" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "referral_link_affiliate" on ${S}."referral_link" ("business_id", "affiliate_id")`);

    // No raw address: the visitor key is an HMAC of the day, address and browser, so it cannot be reversed.
    this.addSql(`create table ${S}."click" (
      "business_id" uuid not null,
      "link_id" uuid not null,
      "day" date not null,
      "visitor_key" text not null,
      "created_at" timestamptz(3) not null default now(),
      primary key ("link_id", "day", "visitor_key"),
      foreign key ("business_id", "link_id") references ${S}."referral_link" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "click_business_day" on ${S}."click" ("business_id", "day")`);

    this.addSql(`create table ${S}."referral" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "affiliate_id" uuid not null,
      "link_id" uuid null,
      "contact_id" uuid not null,
      "referred_at" timestamptz(3) not null,
      "first_converted_at" timestamptz(3) null,
      "created_at" timestamptz(3) not null default now(),
      unique ("business_id", "id"),
      unique ("business_id", "contact_id"),
      foreign key ("business_id", "affiliate_id") references ${S}."affiliate" ("business_id", "id") on delete cascade,
      foreign key ("business_id", "link_id") references ${S}."referral_link" ("business_id", "id") on delete set null ("link_id")
    )`);
    this.addSql(`create index "referral_affiliate" on ${S}."referral" ("business_id", "affiliate_id", "referred_at")`);

    this.addSql(`create table ${S}."payout" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "affiliate_id" uuid not null,
      "currency" text not null,
      "amount" integer not null,
      "reference" text not null,
      "commission_count" integer not null,
      "paid_at" timestamptz(3) not null default now(),
      unique ("business_id", "id"),
      foreign key ("business_id", "affiliate_id") references ${S}."affiliate" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "payout_business_paid" on ${S}."payout" ("business_id", "paid_at")`);

    // One COMMISSION per invoice (a redelivered or repeated paid event finds it there); ADJUSTMENTs
    // bring an approved commission down after a refund.
    this.addSql(`create table ${S}."commission" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "affiliate_id" uuid not null,
      "referral_id" uuid not null,
      "kind" text not null check ("kind" in ('COMMISSION', 'ADJUSTMENT')),
      "status" text not null check ("status" in ('PENDING', 'APPROVED', 'PAID', 'CANCELLED')),
      "amount" integer not null,
      "currency" text not null,
      "invoice_id" uuid null,
      "invoice_currency" text not null,
      "paid_amount" integer not null,
      "refunded_amount" integer not null default 0,
      "commission_type" text not null,
      "basis_points" integer not null,
      "fixed_amount" integer not null,
      "created_at" timestamptz(3) not null default now(),
      "payable_at" timestamptz(3) not null,
      "approved_at" timestamptz(3) null,
      "paid_at" timestamptz(3) null,
      "cancelled_at" timestamptz(3) null,
      "cancel_reason" text null,
      "payout_id" uuid null,
      unique ("business_id", "id"),
      foreign key ("business_id", "affiliate_id") references ${S}."affiliate" ("business_id", "id") on delete cascade,
      foreign key ("business_id", "referral_id") references ${S}."referral" ("business_id", "id") on delete cascade,
      foreign key ("business_id", "payout_id") references ${S}."payout" ("business_id", "id")
    )`);
    this.addSql(
      `create unique index "commission_one_per_invoice" on ${S}."commission" ("business_id", "invoice_id") where "kind" = 'COMMISSION'`,
    );
    this.addSql(`create index "commission_affiliate" on ${S}."commission" ("business_id", "affiliate_id", "created_at", "id")`);
    this.addSql(`create index "commission_due" on ${S}."commission" ("payable_at") where "status" = 'PENDING'`);

    for (const statement of eventTablesSql("affiliates")) this.addSql(statement);
  }
}
