import { Migration } from "@mikro-orm/migrations";
import { eventTablesSql } from "@portal/kit";

const S = `"communities"`;

/**
 * Groups, members, posts, comments, reactions, images, reports and the outbox. Times are kept to the
 * millisecond (what JavaScript dates hold), so feed cursors compare exactly. Every foreign key also
 * carries the business, so no row can point into another business's group or post.
 */
export class Migration20261206090000Communities extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table ${S}."community_group" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "name" text not null check (length("name") between 1 and 100),
      "description" text not null default '',
      "private" boolean not null default true,
      "cover_image_id" uuid null,
      "archived_at" timestamptz(3) null,
      "created_at" timestamptz(3) not null default now(),
      "updated_at" timestamptz(3) not null default now(),
      unique ("business_id", "id")
    )`);
    this.addSql(`create index "community_group_business_name" on ${S}."community_group" ("business_id", "name", "id")`);

    this.addSql(`create table ${S}."group_member" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "group_id" uuid not null,
      "contact_id" uuid not null,
      "notification_level" text not null default 'replies_and_mentions' check ("notification_level" in ('all', 'replies_and_mentions', 'off')),
      "last_visited_at" timestamptz(3) not null default now(),
      "joined_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "group_id") references ${S}."community_group" ("business_id", "id") on delete cascade,
      unique ("group_id", "contact_id")
    )`);
    this.addSql(`create index "group_member_contact" on ${S}."group_member" ("business_id", "contact_id")`);

    this.addSql(`create table ${S}."post" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "group_id" uuid not null,
      "author_kind" text not null check ("author_kind" in ('contact', 'staff')),
      "author_id" uuid not null,
      "title" text null,
      "body" text not null,
      "body_html" text not null,
      "pinned_at" timestamptz(3) null,
      "comments_closed" boolean not null default false,
      "comment_count" integer not null default 0,
      "edited_at" timestamptz(3) null,
      "removed_at" timestamptz(3) null,
      "removed_by" text null check ("removed_by" in ('author', 'moderator')),
      "created_at" timestamptz(3) not null default now(),
      "search" tsvector generated always as (
        setweight(to_tsvector('english', coalesce("title", '')), 'A') || setweight(to_tsvector('english', "body"), 'B')
      ) stored,
      foreign key ("business_id", "group_id") references ${S}."community_group" ("business_id", "id") on delete cascade,
      unique ("business_id", "id")
    )`);
    this.addSql(
      `create index "post_feed" on ${S}."post" ("group_id", ((pinned_at is not null)::int) desc, (coalesce(pinned_at, created_at)) desc, "id" desc)`,
    );
    this.addSql(`create index "post_search" on ${S}."post" using gin ("search")`);

    this.addSql(`create table ${S}."comment" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "group_id" uuid not null,
      "post_id" uuid not null,
      "parent_id" uuid null references ${S}."comment" ("id") on delete cascade,
      "author_kind" text not null check ("author_kind" in ('contact', 'staff')),
      "author_id" uuid not null,
      "body" text not null,
      "body_html" text not null,
      "edited_at" timestamptz(3) null,
      "removed_at" timestamptz(3) null,
      "removed_by" text null check ("removed_by" in ('author', 'moderator')),
      "created_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "post_id") references ${S}."post" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "comment_thread" on ${S}."comment" ("post_id", "parent_id", "created_at", "id")`);
    this.addSql(`create index "comment_replies" on ${S}."comment" ("parent_id", "created_at", "id") where "parent_id" is not null`);

    this.addSql(`create table ${S}."reaction" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "group_id" uuid not null,
      "post_id" uuid not null,
      "target_id" uuid not null,
      "person_kind" text not null check ("person_kind" in ('contact', 'staff')),
      "person_id" uuid not null,
      "kind" text not null check ("kind" in ('like', 'love', 'celebrate', 'insightful', 'laugh')),
      "created_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "post_id") references ${S}."post" ("business_id", "id") on delete cascade,
      unique ("target_id", "person_kind", "person_id", "kind")
    )`);
    this.addSql(`create index "reaction_target" on ${S}."reaction" ("target_id", "created_at", "id")`);
    this.addSql(`create index "reaction_person_post" on ${S}."reaction" ("person_id", "post_id")`);

    this.addSql(`create table ${S}."image" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "group_id" uuid not null,
      "post_id" uuid null,
      "position" integer not null default 0,
      "uploader_kind" text not null check ("uploader_kind" in ('contact', 'staff')),
      "uploader_id" uuid not null,
      "content_type" text not null check ("content_type" in ('image/png', 'image/jpeg', 'image/webp')),
      "name" text not null default '',
      "size" integer not null check ("size" between 1 and 5242880),
      "width" integer not null,
      "height" integer not null,
      "bytes" bytea null,
      "created_at" timestamptz(3) not null default now(),
      foreign key ("business_id", "group_id") references ${S}."community_group" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "image_post" on ${S}."image" ("post_id", "position") where "post_id" is not null`);

    this.addSql(`create table ${S}."report" (
      "id" uuid primary key default gen_random_uuid(),
      "business_id" uuid not null,
      "group_id" uuid not null,
      "post_id" uuid not null,
      "reporter_contact_id" uuid not null,
      "reason" text not null,
      "created_at" timestamptz(3) not null default now(),
      "resolved_at" timestamptz(3) null,
      "resolved_by_staff_id" uuid null,
      "resolution" text null,
      foreign key ("business_id", "post_id") references ${S}."post" ("business_id", "id") on delete cascade
    )`);
    this.addSql(`create index "report_queue" on ${S}."report" ("business_id", "created_at" desc, "id" desc)`);

    for (const statement of eventTablesSql("communities")) this.addSql(statement);
  }
}
