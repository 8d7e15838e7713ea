import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";

const S = `"identity"`;

/** Tables of the identity subgraph, the outbox, and the rate limiter's store. */
export class Migration20261124000000Initial extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."business" (
      "id" uuid primary key default gen_random_uuid(),
      "name" text not null,
      "slug" text not null unique,
      "host_names" text[] not null default '{}',
      "display_name" text not null,
      "logo_url" text null,
      "primary_color" text not null,
      "accent_color" text not null,
      "welcome_message" text not null default '',
      "sections" jsonb not null default '{}',
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now())`);

    // Host names live in an array on the business; this table mirrors them one per row so that
    // PostgreSQL itself keeps every host name unique across businesses, and host lookups use an index.
    this.addSql(`create table ${S}."business_host_name" (
      "host_name" text primary key,
      "business_id" uuid not null references ${S}."business" ("id") on delete cascade)`);
    this.addSql(`create function ${S}."sync_business_host_names"() returns trigger language plpgsql as $$
      begin
        delete from "identity"."business_host_name" where business_id = new.id;
        insert into "identity"."business_host_name" (host_name, business_id)
          select distinct lower(h), new.id from unnest(new.host_names) as h;
        return new;
      end $$`);
    this.addSql(`create trigger "business_host_names_sync" after insert or update of "host_names" on ${S}."business"
      for each row execute function ${S}."sync_business_host_names"()`);

    this.addSql(`create table ${S}."staff" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null references ${S}."business" ("id") on delete cascade,
      "name" text not null,
      "email" text not null,
      "role" text not null check ("role" in ('owner', 'staff')),
      "created_at" timestamptz not null default now())`);
    this.addSql(`create unique index "staff_business_email" on ${S}."staff" ("business_id", lower("email"))`);

    this.addSql(`create table ${S}."operator" (
      "id" uuid primary key default gen_random_uuid(),
      "name" text not null,
      "email" text not null,
      "created_at" timestamptz not null default now())`);
    this.addSql(`create unique index "operator_email" on ${S}."operator" (lower("email"))`);

    this.addSql(`create table ${S}."contact" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null references ${S}."business" ("id") on delete cascade,
      "name" text not null,
      "email" text not null,
      "phone" text null,
      "dnd" boolean not null default false,
      "access_status" text not null default 'none' check ("access_status" in ('none', 'invited', 'active', 'revoked')),
      "invited_at" timestamptz null,
      "last_login_at" timestamptz null,
      "revoked_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now())`);
    this.addSql(`create unique index "contact_business_email" on ${S}."contact" ("business_id", lower("email"))`);
    this.addSql(`create index "contact_business_name" on ${S}."contact" ("business_id", "name", "id")`);

    this.addSql(`create table ${S}."sign_in_token" (
      "id" uuid primary key default gen_random_uuid(),
      "token_hash" text not null unique,
      "purpose" text not null check ("purpose" in ('sign_in', 'invitation', 'email_change')),
      "audience" text not null check ("audience" in ('client', 'staff', 'operator')),
      "business_id" uuid null references ${S}."business" ("id") on delete cascade,
      "contact_id" uuid null references ${S}."contact" ("id") on delete cascade,
      "staff_id" uuid null references ${S}."staff" ("id") on delete cascade,
      "operator_id" uuid null references ${S}."operator" ("id") on delete cascade,
      "new_email" text null,
      "expires_at" timestamptz not null,
      "used_at" timestamptz null,
      "created_at" timestamptz not null default now())`);

    this.addSql(`create table ${S}."session" (
      "id" uuid primary key default gen_random_uuid(),
      "token_hash" text not null unique,
      "actor_kind" text not null check ("actor_kind" in ('contact', 'staff', 'operator')),
      "actor_id" uuid not null,
      "business_id" uuid null references ${S}."business" ("id") on delete cascade,
      "created_at" timestamptz not null default now(),
      "last_seen_at" timestamptz not null default now(),
      "expires_at" timestamptz not null,
      "ip" text null,
      "user_agent" text null,
      "ended_at" timestamptz null)`);
    this.addSql(`create index "session_actor_open" on ${S}."session" ("actor_kind", "actor_id") where "ended_at" is null`);

    this.addSql(`create table ${S}."api_key" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null references ${S}."business" ("id") on delete cascade,
      "name" text not null,
      "prefix" text not null unique,
      "secret_hash" text not null,
      "scopes" text[] not null,
      "created_by_staff_id" uuid null,
      "created_at" timestamptz not null default now(),
      "last_used_at" timestamptz null,
      "revoked_at" timestamptz null)`);
    this.addSql(`create index "api_key_business" on ${S}."api_key" ("business_id", "created_at", "id")`);

    // Store of rate-limiter-flexible's RateLimiterPostgres (its own layout), shared by all instances.
    this.addSql(
      `create table ${S}."sign_in_rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint)`,
    );

    for (const statement of eventTablesSql("identity")) this.addSql(statement);
  }
}
