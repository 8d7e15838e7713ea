import { announce, type EntityManager } from "@portal/kit";
import type { Invoice } from "../invoices/invoice.entity.js";

/** Live topic for invoice changes (docs/architecture.md); announced inside the change's transaction. */
export const INVOICE_TOPIC = "billing.invoice";

/** Ids only: each subscriber re-reads the invoice with its own rights. */
export interface InvoiceChangedMessage {
  invoiceId: string;
  contactId: string;
  /** Drafts are staff-only; the contact hears about an invoice once it is sent. */
  visibleToContact: boolean;
}

export async function announceInvoiceChanged(em: EntityManager, invoice: Invoice): Promise<void> {
  const data: InvoiceChangedMessage = { invoiceId: invoice.id, contactId: invoice.contactId, visibleToContact: invoice.status !== "draft" };
  await announce(em, { topic: INVOICE_TOPIC, businessId: invoice.businessId, data: data as unknown as Record<string, unknown> });
}
