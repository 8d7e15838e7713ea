import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type CommissionStatusValue = "PENDING" | "APPROVED" | "PAID" | "CANCELLED";

/**
 * One line of an affiliate's ledger: a COMMISSION earned on a paid invoice (one per invoice), or a
 * negative ADJUSTMENT after a refund of an approved one. The rate it was earned at is kept, so a
 * refund recomputes it with the same terms whatever the programme says today.
 */
@Entity({ tableName: "commission" })
@TenantScoped()
export class CommissionRow {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  affiliateId!: string;
  @Property({ type: "uuid" })
  referralId!: string;
  @Property({ type: "text" })
  kind!: "COMMISSION" | "ADJUSTMENT";
  @Property({ type: "text" })
  status!: CommissionStatusValue;
  @Property({ type: "integer" })
  amount!: number;
  @Property({ type: "text" })
  currency!: string;
  @Property({ type: "uuid", nullable: true })
  invoiceId: string | null = null;
  @Property({ type: "text" })
  invoiceCurrency!: string;
  @Property({ type: "integer" })
  paidAmount!: number;
  @Property({ type: "integer" })
  refundedAmount = 0;
  @Property({ type: "text" })
  commissionType!: "PERCENTAGE" | "FIXED";
  @Property({ type: "integer" })
  basisPoints!: number;
  @Property({ type: "integer" })
  fixedAmount!: number;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime" })
  payableAt!: Date;
  @Property({ type: "datetime", nullable: true })
  approvedAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  paidAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  cancelledAt: Date | null = null;
  @Property({ type: "text", nullable: true })
  cancelReason: string | null = null;
  @Property({ type: "uuid", nullable: true })
  payoutId: string | null = null;
}
