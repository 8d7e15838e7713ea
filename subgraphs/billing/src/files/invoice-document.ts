import { KnownBusiness, KnownContact, type EntityManager } from "@portal/kit";
import type { Invoice } from "../invoices/invoice.entity.js";
import { statusOf } from "../invoices/invoice-status.js";
import { amountDue, lineTotal } from "../invoices/totals.js";
import type { Payment, PaymentMethod } from "../payments/payment.entity.js";
import type { InvoiceDocument, InvoiceStatus, PaymentDetails } from "../pdf/index.js";

const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: "Cash",
  bank_transfer: "Bank transfer",
  check: "Check",
  card: "Card",
  other: "Other",
  test: "Test payment",
};

/**
 * The PDF snapshot of an invoice: its own numbers, its payments and refunds, and identity's branding
 * and contact details as billing's copy of identity's data last saw them. A projection not yet received falls
 * back to plain values (the business id's short form, the contact's id) rather than failing.
 */
export async function invoiceDocumentOf(em: EntityManager, invoice: Invoice, payments: readonly Payment[]): Promise<InvoiceDocument> {
  const [business, contact] = await Promise.all([
    em.findOne(KnownBusiness, { businessId: invoice.businessId }),
    em.findOne(KnownContact, { contactId: invoice.contactId }),
  ]);
  return {
    business: business
      ? {
          displayName: business.displayName || business.name,
          logoUrl: business.logoUrl,
          primaryColor: business.primaryColor,
          accentColor: business.accentColor,
        }
      : { displayName: `Business ${invoice.businessId.slice(0, 8)}` },
    recipient: contact ? { name: contact.name, email: contact.email } : { name: `Contact ${invoice.contactId.slice(0, 8)}` },
    invoice: {
      number: String(invoice.number),
      currency: invoice.currency,
      status: statusOf(invoice).toLowerCase() as InvoiceStatus,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      lineItems: invoice.lines.map((line) => ({ ...line, amount: lineTotal(line) })),
      subtotal: invoice.subtotal,
      discount: invoice.discount,
      taxRateBps: invoice.taxRateBps,
      taxAmount: invoice.tax,
      total: invoice.total,
      amountPaid: invoice.amountPaid,
      amountDue: amountDue(invoice.status, invoice.total, invoice.amountPaid),
      notes: invoice.notes || null,
    },
    payment: paymentOf(invoice, payments),
    refunds: payments
      .filter((p) => p.kind === "refund")
      .map((p) => ({ amount: p.amount, refundedAt: p.createdAt, reason: p.reference || null })),
  };
}

/** What the receipt acknowledges: everything received, by the most recent payment's method. */
function paymentOf(invoice: Invoice, payments: readonly Payment[]): PaymentDetails | null {
  const received = payments.filter((p) => p.kind === "payment").sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const latest = received.at(-1);
  if (!latest) return null;
  return {
    methodLabel: METHOD_LABELS[latest.method] ?? latest.method,
    paidAt: invoice.paidAt ?? latest.createdAt,
    amount: invoice.amountPaid,
  };
}
