import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** A contact attributed to an affiliate: through a link's code, or by staff's choice. One per contact. */
@Entity({ tableName: "referral" })
@TenantScoped()
export class ReferralRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  affiliateId!: string;
  @Property({ type: "uuid", nullable: true })
  linkId: string | null = null;
  @Property({ type: "uuid" })
  contactId!: string;
  @Property({ type: "datetime" })
  referredAt!: Date;
  /** The first paid invoice that earned; recurring commissions are counted from it. */
  @Property({ type: "datetime", nullable: true })
  firstConvertedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
