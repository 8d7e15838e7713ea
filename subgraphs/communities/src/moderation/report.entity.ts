import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A member's report of a post, waiting in staff's queue until resolved. */
@Entity({ tableName: "report" })
@TenantScoped()
export class Report {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  groupId!: string;
  @Property({ type: "uuid" })
  postId!: string;
  @Property({ type: "uuid" })
  reporterContactId!: string;
  @Property({ type: "text" })
  reason!: string;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  resolvedAt: Date | null = null;
  @Property({ type: "uuid", nullable: true })
  resolvedByStaffId: string | null = null;
  @Property({ type: "text", nullable: true })
  resolution: string | null = null;
}
