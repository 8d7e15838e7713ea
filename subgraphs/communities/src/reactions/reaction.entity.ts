import { Entity, PrimaryKey, Property, Unique } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";
import type { PersonKindValue, ReactionKindValue } from "../shared/enums.js";

/** One reaction of one person to a post or a comment; the unique constraint makes "once per kind" hold under races. */
@Entity({ tableName: "reaction" })
@Unique({ properties: ["targetId", "personKind", "personId", "kind"] })
@TenantScoped()
export class Reaction {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  groupId!: string;
  /** The post, for reactions to a post and to its comments. */
  @Property({ type: "uuid" })
  postId!: string;
  /** The post's or the comment's id. */
  @Property({ type: "uuid" })
  targetId!: string;
  @Property({ type: "text" })
  personKind!: PersonKindValue;
  @Property({ type: "uuid" })
  personId!: string;
  @Property({ type: "text" })
  kind!: ReactionKindValue;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
