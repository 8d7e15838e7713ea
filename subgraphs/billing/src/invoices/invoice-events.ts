import { billing } from "@portal/contracts";
import { publish, type EntityManager } from "@portal/kit";
import type { Invoice } from "./invoice.entity.js";
import { amountDue } from "./totals.js";

/* The events billing publishes; their names and payloads are declared in @portal/contracts (billing). */

/** Where the client opens the invoice in the portal, relative to the business's portal URL. */
export const portalPathOf = (invoice: Invoice) => `/invoices/${invoice.id}`;

/** `inviteToPortal` asks identity to invite a contact without portal access along with the invoice. */
export function recordInvoiceSent(em: EntityManager, invoice: Invoice, inviteToPortal: boolean): void {
  publish(em, billing.invoiceSent, invoice.businessId, {
    invoiceId: invoice.id,
    contactId: invoice.contactId,
    number: invoice.number,
    currency: invoice.currency,
    total: invoice.total,
    amountDue: amountDue(invoice.status, invoice.total, invoice.amountPaid),
    dueDate: invoice.dueDate,
    portalPath: portalPathOf(invoice),
    inviteToPortal,
  });
}

export function recordInvoicePaid(em: EntityManager, invoice: Invoice, method: string): void {
  publish(em, billing.invoicePaid, invoice.businessId, {
    invoiceId: invoice.id,
    contactId: invoice.contactId,
    number: invoice.number,
    currency: invoice.currency,
    amountPaid: invoice.amountPaid,
    paidAt: (invoice.paidAt ?? new Date()).toISOString(),
    method,
    portalPath: portalPathOf(invoice),
  });
}

export function recordInvoiceVoided(em: EntityManager, invoice: Invoice): void {
  publish(em, billing.invoiceVoided, invoice.businessId, { invoiceId: invoice.id, contactId: invoice.contactId, number: invoice.number });
}

export function recordInvoiceRefunded(em: EntityManager, invoice: Invoice, amount: number): void {
  publish(em, billing.invoiceRefunded, invoice.businessId, {
    invoiceId: invoice.id,
    contactId: invoice.contactId,
    number: invoice.number,
    currency: invoice.currency,
    amount,
    amountRefunded: invoice.amountRefunded,
    fullyRefunded: invoice.status === "refunded",
  });
}
