import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** Money staff sent an affiliate, settling every approved line of one currency. */
@Entity({ tableName: "payout" })
@TenantScoped()
export class PayoutRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  affiliateId!: string;
  @Property({ type: "text" })
  currency!: string;
  @Property({ type: "integer" })
  amount!: number;
  @Property({ type: "text" })
  reference!: string;
  @Property({ type: "integer" })
  commissionCount!: number;
  @Property({ type: "datetime", defaultRaw: "now()" })
  paidAt: Date = new Date();
}
