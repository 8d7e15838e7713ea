import { recordEvent, type EntityManager } from "@portal/kit";
import type { Invoice } from "./invoice.entity.js";
import { amountDue } from "./totals.js";

/** Domain events billing publishes (payloads documented in docs/architecture.md). */
export const INVOICE_SENT = "billing.invoice.sent";
export const INVOICE_PAID = "billing.invoice.paid";
export const INVOICE_VOIDED = "billing.invoice.voided";
export const INVOICE_REFUNDED = "billing.invoice.refunded";

/** Where the client opens the invoice in the portal, relative to the business's portal URL. */
export const portalPathOf = (invoice: Invoice) => `/invoices/${invoice.id}`;

/** `inviteToPortal` asks identity to invite a contact without portal access along with the invoice. */
export function recordInvoiceSent(em: EntityManager, invoice: Invoice, inviteToPortal: boolean): void {
  recordEvent(em, INVOICE_SENT, invoice.businessId, {
    invoiceId: invoice.id, contactId: invoice.contactId, number: invoice.number, currency: invoice.currency, total: invoice.total,
    amountDue: amountDue(invoice.status, invoice.total, invoice.amountPaid), dueDate: invoice.dueDate, portalPath: portalPathOf(invoice),
    inviteToPortal,
  });
}

export function recordInvoicePaid(em: EntityManager, invoice: Invoice, method: string): void {
  recordEvent(em, INVOICE_PAID, invoice.businessId, {
    invoiceId: invoice.id, contactId: invoice.contactId, number: invoice.number, currency: invoice.currency,
    amountPaid: invoice.amountPaid, paidAt: (invoice.paidAt ?? new Date()).toISOString(), method,
  });
}

export function recordInvoiceVoided(em: EntityManager, invoice: Invoice): void {
  recordEvent(em, INVOICE_VOIDED, invoice.businessId, { invoiceId: invoice.id, contactId: invoice.contactId, number: invoice.number });
}

export function recordInvoiceRefunded(em: EntityManager, invoice: Invoice, amount: number): void {
  recordEvent(em, INVOICE_REFUNDED, invoice.businessId, {
    invoiceId: invoice.id, contactId: invoice.contactId, number: invoice.number, currency: invoice.currency,
    amount, amountRefunded: invoice.amountRefunded, fullyRefunded: invoice.status === "refunded",
  });
}
