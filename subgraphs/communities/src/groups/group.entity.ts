import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A discussion group of a business. Archived groups stay readable by staff and leave members' lists. */
@Entity({ tableName: "community_group" })
@TenantScoped()
export class CommunityGroupRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  description = "";
  /** Members only (every group is; kept for groups listed to all clients later). */
  @Property({ type: "boolean" })
  private = true;
  @Property({ type: "uuid", nullable: true })
  coverImageId: string | null = null;
  @Property({ type: "datetime", nullable: true })
  archivedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()" })
  updatedAt: Date = new Date();
}
