import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";

const S = `"appointments"`;

/**
 * Appointment types, staff availability (weekly hours and date overrides), bookings, reminders,
 * calendar feeds and the outbox. Two live bookings of one host never overlap, buffers included: an
 * exclusion constraint on the booking's blocked time range, so concurrent requests for one slot
 * give one booking whatever the order. One reminder row per booking, start time and offset, so a
 * reminder is sent once however often its job runs.
 */
export class Migration20261206120000Appointments extends Migration {
  async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist`);

    this.addSql(`create table ${S}."appointment_type" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "name" text not null check (length("name") between 1 and 200),
      "description" text not null default '',
      "duration_minutes" integer not null check ("duration_minutes" between 5 and 1440),
      "location_kind" text not null check ("location_kind" in ('ADDRESS', 'PHONE', 'VIDEO')),
      "location_value" text not null,
      "host_staff_ids" jsonb not null default '[]',
      "buffer_before_minutes" integer not null default 0 check ("buffer_before_minutes" between 0 and 1440),
      "buffer_after_minutes" integer not null default 0 check ("buffer_after_minutes" between 0 and 1440),
      "minimum_notice_minutes" integer not null default 0 check ("minimum_notice_minutes" >= 0),
      "booking_window_days" integer not null default 60 check ("booking_window_days" between 1 and 730),
      "change_notice_minutes" integer not null default 1440 check ("change_notice_minutes" >= 0),
      "client_bookable" boolean not null default true,
      "reminder_minutes_before" jsonb not null default '[1440, 60]',
      "archived_at" timestamptz(3) null,
      "created_at" timestamptz(3) not null default now(),
      "updated_at" timestamptz(3) not null default now(),
      unique ("business_id", "id")
    )`);
    this.addSql(`create index "appointment_type_business_name" on ${S}."appointment_type" ("business_id", "name", "id")`);

    this.addSql(`create table ${S}."staff_availability" (
      "staff_id" uuid primary key,
      "business_id" uuid not null,
      "time_zone" text not null,
      "weekly" jsonb not null default '[]',
      "updated_at" timestamptz(3) not null default now()
    )`);
    this.addSql(`create index "staff_availability_business" on ${S}."staff_availability" ("business_id")`);

    this.addSql(`create table ${S}."date_override" (
      "business_id" uuid not null,
      "staff_id" uuid not null,
      "date" text not null check ("date" ~ '^\\d{4}-\\d{2}-\\d{2}$'),
      "intervals" jsonb not null default '[]',
      primary key ("staff_id", "date")
    )`);
    this.addSql(`create index "date_override_business" on ${S}."date_override" ("business_id", "staff_id")`);

    this.addSql(`create table ${S}."booking" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "type_id" uuid not null,
      "type_name" text not null,
      "host_staff_id" uuid not null,
      "contact_id" uuid not null,
      "starts_at" timestamptz(3) not null,
      "ends_at" timestamptz(3) not null,
      "blocked_from" timestamptz(3) not null,
      "blocked_until" timestamptz(3) not null,
      "status" text not null default 'BOOKED' check ("status" in ('BOOKED', 'RESCHEDULED', 'CANCELLED', 'COMPLETED', 'NO_SHOW')),
      "location_kind" text not null,
      "location_value" text not null,
      "client_time_zone" text not null,
      "change_notice_minutes" integer not null,
      "booked_by" text not null check ("booked_by" in ('CLIENT', 'STAFF')),
      "cancelled_by" text null check ("cancelled_by" in ('CLIENT', 'STAFF')),
      "cancel_reason" text null,
      "cancelled_at" timestamptz(3) null,
      "ics_uid" text not null unique,
      "ics_sequence" integer not null default 0,
      "created_at" timestamptz(3) not null default now(),
      "updated_at" timestamptz(3) not null default now(),
      check ("ends_at" > "starts_at" and "blocked_from" <= "starts_at" and "blocked_until" >= "ends_at"),
      foreign key ("business_id", "type_id") references ${S}."appointment_type" ("business_id", "id"),
      unique ("business_id", "id"),
      constraint "booking_no_overlap" exclude using gist (
        "business_id" with =, "host_staff_id" with =, tstzrange("blocked_from", "blocked_until") with &&
      ) where ("status" in ('BOOKED', 'RESCHEDULED'))
    )`);
    this.addSql(`create index "booking_host_time" on ${S}."booking" ("business_id", "host_staff_id", "starts_at")`);
    this.addSql(`create index "booking_contact_time" on ${S}."booking" ("business_id", "contact_id", "starts_at")`);
    this.addSql(`create index "booking_business_time" on ${S}."booking" ("business_id", "starts_at", "id")`);

    this.addSql(`create table ${S}."reminder" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "booking_id" uuid not null,
      "starts_at" timestamptz(3) not null,
      "minutes_before" integer not null check ("minutes_before" > 0),
      "due_at" timestamptz(3) not null,
      "sent_at" timestamptz(3) null,
      foreign key ("business_id", "booking_id") references ${S}."booking" ("business_id", "id") on delete cascade,
      unique ("booking_id", "starts_at", "minutes_before")
    )`);
    this.addSql(`create index "reminder_due" on ${S}."reminder" ("due_at") where "sent_at" is null`);

    this.addSql(`create table ${S}."calendar_feed" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "owner_kind" text not null check ("owner_kind" in ('contact', 'staff')),
      "owner_id" uuid not null,
      "version" integer not null default 1,
      "created_at" timestamptz(3) not null default now(),
      unique ("business_id", "owner_kind", "owner_id")
    )`);

    for (const statement of eventTablesSql("appointments")) this.addSql(statement);
  }
}
