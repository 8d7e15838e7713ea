import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A contact of the business who earns commissions on the clients they refer. */
@Entity({ tableName: "affiliate" })
@TenantScoped()
export class AffiliateRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "text" })
  status: "ACTIVE" | "REMOVED" = "ACTIVE";
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  removedAt: Date | null = null;
}
