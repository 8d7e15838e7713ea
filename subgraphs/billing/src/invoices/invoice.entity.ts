import { Entity, PrimaryKey, Property } from "@mikro-orm/postgresql";
import { TenantScoped } from "@portal/kit";

/** Stored lifecycle; OVERDUE is not stored but derived from `open` and the due date. */
export type InvoiceState = "draft" | "open" | "paid" | "void" | "refunded" | "partially_refunded";

/** One billed item; amounts in integer minor units of the invoice's currency. */
export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPrice: number;
}

/**
 * An invoice to one contact of a business. Totals are stored (computed by `computeTotals` on every
 * edit) so that lists and the client's dashboard aggregate them in SQL.
 */
@Entity({ tableName: "invoice" })
@TenantScoped()
export class Invoice {
  @PrimaryKey({ type: "uuid", defaultRaw: "gen_random_uuid()" })
  id!: string;
  @Property({ type: "uuid" })
  businessId!: string;
  /** Contact id owned by identity; billing keeps only the reference. */
  @Property({ type: "uuid" })
  contactId!: string;
  /** Sequential per business from 1, assigned at creation from `invoice_counter`. */
  @Property({ type: "integer" })
  number!: number;
  @Property({ type: "text" })
  status: InvoiceState = "draft";
  @Property({ type: "text" })
  currency!: string;
  @Property({ type: "json" })
  lines: InvoiceLine[] = [];
  @Property({ type: "integer", nullable: true })
  taxRateBps: number | null = null;
  @Property({ type: "integer", nullable: true })
  discountAmount: number | null = null;
  @Property({ type: "integer" })
  subtotal = 0;
  @Property({ type: "integer" })
  discount = 0;
  @Property({ type: "integer" })
  tax = 0;
  @Property({ type: "integer" })
  total = 0;
  /** Sum of payments received (refunds not subtracted). */
  @Property({ type: "integer" })
  amountPaid = 0;
  @Property({ type: "integer" })
  amountRefunded = 0;
  /** ISO dates (YYYY-MM-DD), no time zone: an invoice is due on a calendar day. */
  @Property({ type: "date" })
  issueDate!: string;
  @Property({ type: "date" })
  dueDate!: string;
  /** Shown to the client on the invoice. */
  @Property({ type: "text" })
  notes = "";
  /** Internal, staff only. */
  @Property({ type: "text" })
  memo = "";
  @Property({ type: "datetime", nullable: true })
  sentAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  paidAt: Date | null = null;
  @Property({ type: "datetime", nullable: true })
  voidedAt: Date | null = null;
  @Property({ type: "datetime", defaultRaw: "now()" })
  createdAt: Date = new Date();
  @Property({ type: "datetime", defaultRaw: "now()", onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
