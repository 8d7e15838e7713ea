import { ValidationError, type EntityManager } from "@portal/kit";
import { recordInvoicePaid, recordInvoiceRefunded } from "../invoices/invoice-events.js";
import type { Invoice } from "../invoices/invoice.entity.js";
import { changeInvoice } from "../invoices/invoice-store.js";
import { InvoiceStateError } from "../invoices/invoice.errors.js";
import { MAX_AMOUNT } from "../invoices/invoice.validation.js";
import { amountDue } from "../invoices/totals.js";
import { Payment, type PaymentMethod } from "./payment.entity.js";
import type { PaymentProvider } from "./payment-provider.js";

export interface PaymentFields {
  invoiceId: string;
  /** Defaults to the amount due. */
  amount?: number | null;
  method: PaymentMethod;
  reference?: string | null;
}

/** Adds a payment to a locked, open invoice; pays it when nothing remains due. */
export function applyPayment(tx: EntityManager, invoice: Invoice, amount: number, method: PaymentMethod, reference: string): void {
  tx.persist(
    Object.assign(new Payment(), { businessId: invoice.businessId, invoiceId: invoice.id, kind: "payment", amount, method, reference }),
  );
  invoice.amountPaid += amount;
  if (invoice.amountPaid >= invoice.total) {
    Object.assign(invoice, { status: "paid", paidAt: new Date() });
    recordInvoicePaid(tx, invoice, method);
  }
}

function checkPayable(invoice: Invoice): InvoiceStateError | null {
  return invoice.status === "open" ? null : InvoiceStateError.of(invoice, "Only an open (sent, unpaid) invoice can be paid");
}

/** Staff record money received outside the portal (cash, transfer, cheque); partial amounts allowed. */
export function recordOfflinePayment(em: EntityManager, input: PaymentFields) {
  return changeInvoice(em, input.invoiceId, (invoice, tx) => {
    const refused = checkPayable(invoice);
    if (refused) return refused;
    const due = amountDue(invoice.status, invoice.total, invoice.amountPaid);
    const amount = input.amount ?? due;
    if (!Number.isInteger(amount) || amount < 1) return ValidationError.of("amount", "Enter an amount of at least 1 minor unit");
    if (amount > due) return ValidationError.of("amount", `The amount cannot exceed the ${due} still due`);
    applyPayment(tx, invoice, amount, input.method, input.reference?.trim() ?? "");
    return null;
  });
}

/** The contact pays everything due through the provider; the invoice is locked so a double click pays once. */
export function payAmountDue(em: EntityManager, invoiceId: string, provider: PaymentProvider) {
  return changeInvoice(em, invoiceId, async (invoice, tx) => {
    const refused = checkPayable(invoice);
    if (refused) return refused;
    const charge = await provider.charge(invoice, amountDue(invoice.status, invoice.total, invoice.amountPaid));
    applyPayment(tx, invoice, charge.amount, charge.method, charge.reference);
    return null;
  });
}

/** Gives money back: never more than was paid and not yet refunded. */
export function refundInvoice(em: EntityManager, input: { invoiceId: string; amount: number; reason?: string | null }) {
  return changeInvoice(em, input.invoiceId, (invoice, tx) => {
    if (invoice.status !== "paid" && invoice.status !== "partially_refunded")
      return InvoiceStateError.of(invoice, "Only a paid invoice can be refunded");
    const refundable = invoice.amountPaid - invoice.amountRefunded;
    if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > MAX_AMOUNT)
      return ValidationError.of("amount", "Enter an amount of at least 1 minor unit");
    if (input.amount > refundable) return ValidationError.of("amount", `At most ${refundable} can be refunded`);
    applyRefund(tx, invoice, input.amount, "other", input.reason?.trim() ?? "");
    return null;
  });
}

/** Records money given back on a locked, paid invoice (the caller checked the amount is refundable). */
export function applyRefund(tx: EntityManager, invoice: Invoice, amount: number, method: PaymentMethod, reference: string): void {
  tx.persist(
    Object.assign(new Payment(), { businessId: invoice.businessId, invoiceId: invoice.id, kind: "refund", amount, method, reference }),
  );
  invoice.amountRefunded += amount;
  invoice.status = invoice.amountRefunded === invoice.amountPaid ? "refunded" : "partially_refunded";
  recordInvoiceRefunded(tx, invoice, amount);
}
