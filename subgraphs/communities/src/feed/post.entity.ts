import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { PersonKindValue, RemovedByValue } from "../shared/enums.js";

/**
 * A post in a group's feed. `bodyHtml` is the Markdown body rendered and sanitised once, when written;
 * `search` (a generated tsvector column, see the migration) serves full-text search.
 */
@Entity({ tableName: "post" })
@TenantScoped()
export class Post {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  groupId!: string;
  @Property({ type: "text" })
  authorKind!: PersonKindValue;
  @Property({ type: "uuid" })
  authorId!: string;
  @Property({ type: "text", nullable: true })
  title: string | null = null;
  @Property({ type: "text" })
  body!: string;
  @Property({ type: "text" })
  bodyHtml!: string;
  @Property({ type: "datetime", nullable: true })
  pinnedAt: Date | null = null;
  @Property({ type: "boolean" })
  commentsClosed = false;
  @Property({ type: "integer" })
  commentCount = 0;
  @Property({ type: "datetime", nullable: true })
  editedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  removedAt: Date | null = null;
  @Property({ type: "text", nullable: true })
  removedBy: RemovedByValue | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
