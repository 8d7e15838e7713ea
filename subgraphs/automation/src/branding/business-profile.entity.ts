import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** This subgraph's copy of a business's public face, kept from `identity.business.updated`. */
@Entity({ tableName: "business_profile" })
@TenantScoped()
export class BusinessProfile {
  @PrimaryKey({ type: "uuid" })
  businessId!: string;
  @Property({ type: "text" })
  slug!: string;
  @Property({ type: "text" })
  name!: string;
  @Property({ type: "text" })
  displayName!: string;
  @Property({ type: "text", nullable: true })
  logoUrl!: string | null;
  @Property({ type: "text" })
  primaryColor!: string;
  @Property({ type: "text" })
  accentColor!: string;
  @Property({ type: "text" })
  portalUrl!: string;
  /** When identity recorded the snapshot; older snapshots arriving late never overwrite newer ones. */
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
