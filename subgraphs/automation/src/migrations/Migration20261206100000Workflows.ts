import { Migration } from "@mikro-orm/migrations";

const S = `"automation"`;

/** Workflows (trigger, conditions, actions), their runs and each run's steps. */
export class Migration20261206100000Workflows extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."workflow" (
      "id" uuid primary key,
      "business_id" uuid not null,
      "name" text not null,
      "enabled" boolean not null default true,
      "trigger" text not null,
      "conditions" jsonb not null default '[]',
      "actions" jsonb not null default '[]',
      "default_key" text null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now()
    )`);
    this.addSql(`create index "workflow_business_id_trigger_index" on ${S}."workflow" ("business_id", "trigger")`);
    this.addSql(
      `create unique index "workflow_default_key_unique" on ${S}."workflow" ("business_id", "default_key") where "default_key" is not null`,
    );
    this.addSql(`create table ${S}."workflow_defaults" (
      "business_id" uuid primary key,
      "created_at" timestamptz not null default now()
    )`);
    this.addSql(`create table ${S}."workflow_run" (
      "id" uuid primary key,
      "business_id" uuid not null,
      "workflow_id" uuid not null,
      "workflow_name" text not null,
      "trigger_event_id" uuid not null,
      "trigger" text not null,
      "trigger_summary" text not null,
      "facts" jsonb not null,
      "contact_id" uuid not null,
      "plan" jsonb not null,
      "status" text not null,
      "reason" text null,
      "next_seq" integer not null default 0,
      "started_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      constraint "workflow_run_once_per_trigger" unique ("workflow_id", "trigger_event_id", "contact_id")
    )`);
    this.addSql(`create index "workflow_run_business_started_index" on ${S}."workflow_run" ("business_id", "started_at")`);
    this.addSql(`create index "workflow_run_loop_index" on ${S}."workflow_run" ("workflow_id", "contact_id", "started_at")`);
    this.addSql(`create table ${S}."workflow_run_step" (
      "id" uuid primary key,
      "business_id" uuid not null,
      "run_id" uuid not null references ${S}."workflow_run" ("id") on delete cascade,
      "seq" integer not null,
      "position" integer not null,
      "attempt" integer not null default 1,
      "status" text not null,
      "reason" text null,
      "due_at" timestamptz null,
      "started_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      constraint "workflow_run_step_seq_unique" unique ("run_id", "seq")
    )`);
  }
}
