import { Migration } from "@mikro-orm/migrations";

const S = `"automation"`;

/** What an email is about (e.g. `document:<id>`), for emails whose producer follows their outcome. */
export class Migration20261201100000EmailReference extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table ${S}."email_log" add column "reference" text null`);
  }
}
