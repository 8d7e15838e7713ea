import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { PersonKindValue, RemovedByValue } from "../shared/enums.js";

/** A comment on a post, or a reply to a top-level comment (one level: a reply's parent has no parent). */
@Entity({ tableName: "comment" })
@TenantScoped()
export class Comment {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  groupId!: string;
  @Property({ type: "uuid" })
  postId!: string;
  @Property({ type: "uuid", nullable: true })
  parentId: string | null = null;
  @Property({ type: "text" })
  authorKind!: PersonKindValue;
  @Property({ type: "uuid" })
  authorId!: string;
  @Property({ type: "text" })
  body!: string;
  @Property({ type: "text" })
  bodyHtml!: string;
  @Property({ type: "datetime", nullable: true })
  editedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  removedAt: Date | null = null;
  @Property({ type: "text", nullable: true })
  removedBy: RemovedByValue | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
