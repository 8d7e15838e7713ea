import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** Billing's copy of a business's branding, kept from `identity.business.updated`, for PDFs. */
@Entity({ tableName: "business_profile" })
@TenantScoped()
export class BusinessProfile {
  @PrimaryKey({ type: "uuid" })
  businessId!: string;
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
  /** When identity recorded the snapshot; a late, older snapshot never overwrites a newer one. */
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
