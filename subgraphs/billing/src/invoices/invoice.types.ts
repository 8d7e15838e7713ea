import type { SharedReads } from "../live/shared-reads.js";
import { ConnectionType, errorType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { ContactRef } from "../client/contact-ref.js";
import type { Invoice } from "./invoice.entity.js";
import { InvoiceStateError } from "./invoice.errors.js";
import { InvoiceStatus, statusOf } from "./invoice-status.js";
import { amountDue, lineTotal } from "./totals.js";

export { InvoiceStateError, InvoiceStatus };

registerEnumType(InvoiceStatus, {
  name: "InvoiceStatus",
  description:
    "Where an invoice is: DRAFT → OPEN (sent) → PAID, or VOID; OVERDUE is an OPEN invoice past its due date; refunds lead to (PARTIALLY_)REFUNDED.",
});

@ObjectType({ description: "One billed item." })
export class InvoiceLineView {
  @Field(() => String, { description: "What was sold or done." })
  description!: string;
  @Field(() => Int, { description: "How many (whole units)." })
  quantity!: number;
  @Field(() => Int, { description: "Price of one unit, in minor units of the invoice currency (e.g. cents)." })
  unitPrice!: number;
  @Field(() => Int, { description: "quantity × unitPrice, in minor units." })
  amount!: number;
}

@ObjectType("Invoice", {
  description: "A bill from the business to one contact. Amounts are integers in minor units of `currency` (cents for USD).",
})
export class InvoiceView {
  @Field(() => ID, { description: "Invoice id." })
  id!: string;
  /** Not exposed: keeps field resolvers in the right business. */
  businessId!: string;
  /** Not exposed: set on a live update's view, so its subscribers share their field reads (live/shared-reads.ts). */
  sharedReads?: SharedReads;
  @Field(() => Int, { description: "Sequential per business, from 1, without gaps." })
  number!: number;
  @Field(() => ContactRef, { description: "The contact billed (resolved by identity)." })
  contact!: ContactRef;
  @Field(() => InvoiceStatus, { description: "Lifecycle status; OVERDUE when open and past the due date." })
  status!: InvoiceStatus;
  @Field(() => Boolean, { description: "Open and past its due date." })
  overdue!: boolean;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
  @Field(() => [InvoiceLineView], { description: "Line items in order." })
  lines!: InvoiceLineView[];
  @Field(() => Int, { nullable: true, description: "Tax rate in basis points (825 = 8.25 %), applied after the discount." })
  taxRateBps!: number | null;
  @Field(() => Int, { nullable: true, description: "Fixed discount in minor units, taken off the subtotal before tax." })
  discountAmount!: number | null;
  @Field(() => Int, { description: "Sum of the lines." })
  subtotal!: number;
  @Field(() => Int, { description: "Discount applied (never more than the subtotal)." })
  discount!: number;
  @Field(() => Int, { description: "Tax on the discounted subtotal, rounded half up to a minor unit." })
  tax!: number;
  @Field(() => Int, { description: "subtotal − discount + tax." })
  total!: number;
  @Field(() => Int, { description: "Payments received, before refunds." })
  amountPaid!: number;
  @Field(() => Int, { description: "Refunded so far." })
  amountRefunded!: number;
  @Field(() => Int, { description: "Still to pay: total − amountPaid while open, otherwise 0." })
  amountDue!: number;
  @Field(() => String, { description: "Issue date, YYYY-MM-DD." })
  issueDate!: string;
  @Field(() => String, { description: "Due date, YYYY-MM-DD." })
  dueDate!: string;
  @Field(() => String, { description: "Notes shown to the client on the invoice." })
  notes!: string;
  @Field(() => String, { nullable: true, description: "Internal memo: staff only, null for the client." })
  memo!: string | null;
  @Field(() => Date, { nullable: true, description: "When it was sent (became open)." })
  sentAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When it was paid in full." })
  paidAt!: Date | null;
  @Field(() => Date, { nullable: true, description: "When it was voided." })
  voidedAt!: Date | null;
  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;
  @Field(() => Date, { description: "When it last changed." })
  updatedAt!: Date;
}

export function toInvoiceView(invoice: Invoice, audience: "staff" | "contact"): InvoiceView {
  const lines = invoice.lines.map((line) => Object.assign(new InvoiceLineView(), { ...line, amount: lineTotal(line) }));
  const status = statusOf(invoice);
  return Object.assign(new InvoiceView(), {
    id: invoice.id,
    businessId: invoice.businessId,
    number: invoice.number,
    contact: ContactRef.of(invoice.contactId),
    status,
    overdue: status === InvoiceStatus.OVERDUE,
    currency: invoice.currency,
    lines,
    taxRateBps: invoice.taxRateBps,
    discountAmount: invoice.discountAmount,
    subtotal: invoice.subtotal,
    discount: invoice.discount,
    tax: invoice.tax,
    total: invoice.total,
    amountPaid: invoice.amountPaid,
    amountRefunded: invoice.amountRefunded,
    amountDue: amountDue(invoice.status, invoice.total, invoice.amountPaid),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    notes: invoice.notes,
    memo: audience === "staff" ? invoice.memo : null,
    sentAt: invoice.sentAt,
    paidAt: invoice.paidAt,
    voidedAt: invoice.voidedAt,
    createdAt: invoice.createdAt,
    updatedAt: invoice.updatedAt,
  });
}

export const InvoiceConnection = ConnectionType(InvoiceView, "Invoice");

@InputType({ description: "One line of an invoice being written." })
export class InvoiceLineInput {
  @Field(() => String, { description: "What was sold or done." })
  description!: string;
  @Field(() => Int, { description: "How many (whole units, 1 or more)." })
  quantity!: number;
  @Field(() => Int, { description: "Price of one unit in minor units (e.g. cents)." })
  unitPrice!: number;
}

@InputType({ description: "Fields staff write on a new or draft invoice." })
export class InvoiceInput {
  @Field(() => ID, { description: "The contact billed." })
  contactId!: string;
  @Field(() => String, { description: "ISO 4217 currency code, e.g. USD." })
  currency!: string;
  @Field(() => [InvoiceLineInput], { description: "Line items, at least one." })
  lines!: InvoiceLineInput[];
  @Field(() => Int, { nullable: true, description: "Tax rate in basis points (825 = 8.25 %)." })
  taxRateBps?: number | null;
  @Field(() => Int, { nullable: true, description: "Fixed discount in minor units, at most the subtotal." })
  discountAmount?: number | null;
  @Field(() => String, { description: "Issue date, YYYY-MM-DD." })
  issueDate!: string;
  @Field(() => String, { description: "Due date, YYYY-MM-DD, not before the issue date." })
  dueDate!: string;
  @Field(() => String, { nullable: true, description: "Notes shown to the client." })
  @Multiline()
  notes?: string | null;
  @Field(() => String, { nullable: true, description: "Internal memo, staff only." })
  @Multiline()
  memo?: string | null;
}

errorType(InvoiceStateError, {
  description: "The invoice's status does not allow this (e.g. editing after it was sent).",
  fields: { status: [() => InvoiceStatus, "The invoice's current status."] },
});

@ObjectType({ description: "The invoice after the change." })
export class InvoiceSuccess {
  @Field(() => InvoiceView, { description: "The invoice." })
  invoice!: InvoiceView;
}

export const InvoiceResult = createUnionType({
  name: "InvoiceResult",
  description: "Outcome of creating, editing, sending, voiding, paying or refunding an invoice.",
  types: () => [InvoiceSuccess, ValidationError, NotFoundError, InvoiceStateError] as const,
});
