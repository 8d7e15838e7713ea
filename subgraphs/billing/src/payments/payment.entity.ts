import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

export type PaymentKind = "payment" | "refund";
/** How money moved: offline methods staff record, `test` (test-payment mode), `card` (offline card, or Stripe with the PaymentIntent id as reference). */
export type PaymentMethod = "cash" | "bank_transfer" | "check" | "card" | "other" | "test";

/** A payment towards an invoice, or a refund of one; amounts are positive minor units. */
@Entity({ tableName: "payment" })
@TenantScoped()
export class Payment {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  @Property({ type: "uuid" })
  invoiceId!: string;
  @Property({ type: "text" })
  kind!: PaymentKind;
  @Property({ type: "integer" })
  amount!: number;
  @Property({ type: "text" })
  method!: PaymentMethod;
  /** Cheque number, transfer reference, provider id; free text. */
  @Property({ type: "text" })
  reference = "";
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
}
