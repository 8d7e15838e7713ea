import { Migration } from "@mikro-orm/migrations";

const S = `"automation"`;

/** Outbound webhooks: endpoints, one delivery per event and endpoint, and each delivery's attempts. */
export class Migration20261206160000Webhooks extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."webhook_endpoint" (
      "id" uuid primary key,
      "business_id" uuid not null,
      "url" text not null,
      "description" text not null default '',
      "event_types" jsonb not null default '[]',
      "sealed_secret" text not null,
      "enabled" boolean not null default true,
      "disabled_at" timestamptz null,
      "disabled_reason" text null,
      "failing_since" timestamptz null,
      "consecutive_failures" integer not null default 0,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "webhook_endpoint_business_created_index" on ${S}."webhook_endpoint" ("business_id", "created_at")`);
    this.addSql(`create table ${S}."webhook_delivery" (
      "id" uuid primary key,
      "business_id" uuid not null,
      "endpoint_id" uuid not null references ${S}."webhook_endpoint" ("id") on delete cascade,
      "event_id" uuid not null,
      "event_type" text not null,
      "body" text not null,
      "status" text not null,
      "attempts" integer not null default 0,
      "last_response_code" integer null,
      "last_error" text null,
      "last_attempt_at" timestamptz null,
      "next_attempt_at" timestamptz null,
      "finished_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      constraint "webhook_delivery_once_per_event" unique ("endpoint_id", "event_id")
    )`);
    this.addSql(`create index "webhook_delivery_endpoint_created_index" on ${S}."webhook_delivery" ("endpoint_id", "created_at")`);
    this.addSql(`create table ${S}."webhook_attempt" (
      "id" uuid primary key,
      "business_id" uuid not null,
      "delivery_id" uuid not null references ${S}."webhook_delivery" ("id") on delete cascade,
      "number" integer not null,
      "manual" boolean not null,
      "started_at" timestamptz not null,
      "duration_ms" integer not null,
      "response_code" integer null,
      "response_body" text null,
      "error" text null,
      "succeeded" boolean not null
    )`);
    this.addSql(`create index "webhook_attempt_delivery_number_index" on ${S}."webhook_attempt" ("delivery_id", "number")`);
  }

  async down(): Promise<void> {
    this.addSql(`drop table if exists ${S}."webhook_attempt"`);
    this.addSql(`drop table if exists ${S}."webhook_delivery"`);
    this.addSql(`drop table if exists ${S}."webhook_endpoint"`);
  }
}
