import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** `pending` (waiting for the payment) → `paid` (money confirmed) → `ready` (the buyer is a contact). */
export type OrderState = "pending" | "paid" | "ready";
export type BuyerAccessStatus = "NONE" | "INVITED" | "ACTIVE" | "REVOKED";

/**
 * One purchase of an offer on its public page. The offer's name, price and grants are copied when
 * the order starts, so what the buyer paid for never changes with later edits of the offer.
 */
@Entity({ tableName: "offer_order" })
@TenantScoped()
export class Order {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  /** Sequential per business from 1. */
  @Property({ type: "integer" })
  number!: number;
  @Property({ type: "uuid" })
  offerId!: string;
  @Property({ type: "text" })
  offerName!: string;
  @Property({ type: "integer" })
  amount!: number;
  @Property({ type: "text" })
  currency!: string;
  @Property({ type: "json" })
  courseIds: string[] = [];
  @Property({ type: "json" })
  groupIds: string[] = [];
  @Property({ type: "text" })
  buyerName!: string;
  @Property({ type: "text" })
  buyerEmail!: string;
  @Property({ type: "text", nullable: true })
  referralCode: string | null = null;
  /** SHA-256 of the secret the buyer's page polls the status with; the secret itself is never stored. */
  @Property({ type: "text", hidden: true })
  tokenHash!: string;
  @Property({ type: "text" })
  status: OrderState = "pending";
  /** `card` (Stripe) or `test` (the demo's test payments), once paid. */
  @Property({ type: "text", nullable: true })
  paymentMethod: string | null = null;
  @Property({ type: "text", nullable: true })
  paymentIntentId: string | null = null;
  /** The buyer as a contact, once identity found or created them. */
  @Property({ type: "uuid", nullable: true })
  contactId: string | null = null;
  @Property({ type: "boolean", nullable: true })
  newContact: boolean | null = null;
  /** The contact's portal access when the order was paid: who is told to sign in, who to check their email. */
  @Property({ type: "text", nullable: true })
  buyerAccessStatus: BuyerAccessStatus | null = null;
  @Property({ type: "datetime", nullable: true })
  paidAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
