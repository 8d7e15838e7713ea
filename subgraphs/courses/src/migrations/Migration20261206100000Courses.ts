import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";

const S = `"courses"`;

/**
 * Courses, modules, lessons, files, quiz questions, enrolments, progress, early unlocks, quiz
 * attempts, certificates, drip notices and the outbox. Every foreign key also carries the business,
 * so no row can point into another business's course. Uniqueness does the counting: one progress row
 * per student and lesson, one certificate per student and course, one drip notice per student and
 * lesson, so concurrent writes count once.
 */
export class Migration20261206100000Courses extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."course" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "title" text not null check (length("title") between 1 and 200),
      "description" text not null default '',
      "status" text not null default 'draft' check ("status" in ('draft', 'published')),
      "certificate_enabled" boolean not null default false,
      "require_quiz_pass" boolean not null default false,
      "cover_file_id" uuid null,
      "published_at" timestamptz(3) null,
      "created_at" timestamptz(3) not null default now(),
      "updated_at" timestamptz(3) not null default now(),
      unique ("business_id", "id")
    )`);
    this.addSql(`create index "course_business_title" on ${S}."course" ("business_id", "title", "id")`);

    this.addSql(`create table ${S}."course_module" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "title" text not null check (length("title") between 1 and 200),
      "position" integer not null,
      "drip_kind" text not null default 'none' check ("drip_kind" in ('none', 'after_days', 'on_date')),
      "drip_days" integer null check ("drip_days" between 0 and 3650),
      "drip_date" timestamptz(3) null,
      "created_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "course_id") references ${S}."course" ("business_id", "id") on delete cascade,
      unique ("business_id", "id")
    )`);
    this.addSql(`create index "course_module_course" on ${S}."course_module" ("course_id", "position")`);

    this.addSql(`create table ${S}."lesson" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "module_id" uuid not null,
      "title" text not null check (length("title") between 1 and 200),
      "kind" text not null check ("kind" in ('video', 'text', 'download', 'quiz')),
      "position" integer not null,
      "drip_kind" text not null default 'none' check ("drip_kind" in ('none', 'after_days', 'on_date')),
      "drip_days" integer null check ("drip_days" between 0 and 3650),
      "drip_date" timestamptz(3) null,
      "video_url" text null,
      "video_provider" text null check ("video_provider" in ('mp4', 'hls', 'youtube', 'vimeo')),
      "body" text not null default '',
      "body_html" text not null default '',
      "pass_mark_percent" integer not null default 70 check ("pass_mark_percent" between 0 and 100),
      "retries_allowed" boolean not null default true,
      "created_at" timestamptz(3) not null default now(),
      "updated_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "course_id") references ${S}."course" ("business_id", "id") on delete cascade,
      foreign key ("business_id", "module_id") references ${S}."course_module" ("business_id", "id") on delete cascade,
      unique ("business_id", "id")
    )`);
    this.addSql(`create index "lesson_course" on ${S}."lesson" ("course_id", "module_id", "position")`);

    this.addSql(`create table ${S}."course_file" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "lesson_id" uuid null,
      "purpose" text not null check ("purpose" in ('cover', 'download')),
      "name" text not null,
      "content_type" text not null,
      "size" integer not null,
      "position" integer not null default 0,
      "bytes" bytea not null,
      "created_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "course_id") references ${S}."course" ("business_id", "id") on delete cascade,
      foreign key ("business_id", "lesson_id") references ${S}."lesson" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "course_file_lesson" on ${S}."course_file" ("lesson_id", "position")`);

    this.addSql(`create table ${S}."quiz_question" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "lesson_id" uuid not null,
      "position" integer not null,
      "prompt" text not null,
      "kind" text not null check ("kind" in ('single', 'multiple')),
      "options" jsonb not null,
      "correct_option_ids" jsonb not null,
      foreign key ("business_id", "lesson_id") references ${S}."lesson" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "quiz_question_lesson" on ${S}."quiz_question" ("lesson_id", "position")`);

    this.addSql(`create table ${S}."enrolment" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "contact_id" uuid not null,
      "status" text not null default 'active' check ("status" in ('active', 'unenrolled')),
      "enrolled_at" timestamptz(3) not null default now(),
      "unenrolled_at" timestamptz(3) null,
      "started_at" timestamptz(3) null,
      "last_activity_at" timestamptz(3) null,
      "last_lesson_id" uuid null,
      "completed_at" timestamptz(3) null,
      "source" text null,
      foreign key ("business_id", "course_id") references ${S}."course" ("business_id", "id") on delete cascade,
      unique ("course_id", "contact_id"),
      unique ("business_id", "id")
    )`);
    this.addSql(`create index "enrolment_contact" on ${S}."enrolment" ("business_id", "contact_id")`);

    this.addSql(`create table ${S}."lesson_progress" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "lesson_id" uuid not null,
      "contact_id" uuid not null,
      "opened_at" timestamptz(3) not null default now(),
      "video_position_seconds" double precision not null default 0,
      "video_watched_percent" integer not null default 0,
      "completed_at" timestamptz(3) null,
      foreign key ("business_id", "lesson_id") references ${S}."lesson" ("business_id", "id") on delete cascade,
      unique ("lesson_id", "contact_id")
    )`);
    this.addSql(`create index "lesson_progress_course" on ${S}."lesson_progress" ("course_id", "contact_id")`);

    this.addSql(`create table ${S}."early_unlock" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "contact_id" uuid not null,
      "module_id" uuid null,
      "lesson_id" uuid null,
      "unlocked_by" uuid null,
      "created_at" timestamptz(3) not null default now(),
      check (("module_id" is null) <> ("lesson_id" is null)),
      foreign key ("business_id", "course_id") references ${S}."course" ("business_id", "id") on delete cascade,
      foreign key ("business_id", "module_id") references ${S}."course_module" ("business_id", "id") on delete cascade,
      foreign key ("business_id", "lesson_id") references ${S}."lesson" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create unique index "early_unlock_target" on ${S}."early_unlock" ("contact_id", coalesce("module_id", "lesson_id"))`);
    this.addSql(`create index "early_unlock_course" on ${S}."early_unlock" ("course_id", "contact_id")`);

    this.addSql(`create table ${S}."quiz_attempt" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "lesson_id" uuid not null,
      "contact_id" uuid not null,
      "answers" jsonb not null,
      "correct_count" integer not null,
      "question_count" integer not null,
      "score_percent" integer not null,
      "passed" boolean not null,
      "started_at" timestamptz(3) null,
      "submitted_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "lesson_id") references ${S}."lesson" ("business_id", "id") on delete cascade,
      unique ("business_id", "id")
    )`);
    this.addSql(`create index "quiz_attempt_lesson" on ${S}."quiz_attempt" ("lesson_id", "contact_id", "submitted_at")`);

    this.addSql(`create table ${S}."certificate" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "course_id" uuid not null,
      "contact_id" uuid not null,
      "code" text not null unique,
      "student_name" text not null,
      "course_title" text not null,
      "issued_at" timestamptz(3) not null default now(),
      "revoked_at" timestamptz(3) null,
      foreign key ("business_id", "course_id") references ${S}."course" ("business_id", "id") on delete cascade,
      unique ("course_id", "contact_id")
    )`);

    this.addSql(`create table ${S}."drip_notice" (
      "business_id" uuid not null,
      "lesson_id" uuid not null,
      "contact_id" uuid not null,
      "sent_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "lesson_id") references ${S}."lesson" ("business_id", "id") on delete cascade,
      primary key ("lesson_id", "contact_id")
    )`);

    for (const statement of eventTablesSql("courses")) this.addSql(statement);
  }
}
