import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A referral link: `/r/<code>` on the portal, opening its landing page (null: the programme's first site, else the portal). */
@Entity({ tableName: "referral_link" })
@TenantScoped()
export class ReferralLinkRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  affiliateId!: string;
  @Property({ type: "text" })
  code!: string;
  @Property({ type: "text", nullable: true })
  landingUrl: string | null = null;
  @Property({ type: "boolean" })
  isDefault = false;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", nullable: true })
  deletedAt: Date | null = null;
}
