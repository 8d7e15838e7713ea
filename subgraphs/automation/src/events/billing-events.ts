/**
 * Payloads of the billing events this subgraph consumes (docs/architecture.md, "Billing").
 * Declared here rather than imported: subgraphs share contracts, not code.
 */
export const BILLING_EVENTS = {
  invoiceSent: "billing.invoice.sent",
  invoicePaid: "billing.invoice.paid",
} as const;

/** Amounts are integers in minor units of `currency`; dates are `YYYY-MM-DD`. */
export interface InvoiceSent {
  invoiceId: string;
  contactId: string;
  number: number;
  currency: string;
  total: number;
  amountDue: number;
  dueDate: string | null;
  /** Relative to the business's portal URL, e.g. `/invoices/<id>`. */
  portalPath: string;
  inviteToPortal?: boolean;
}

export interface InvoicePaid {
  invoiceId: string;
  contactId: string;
  number: number;
  currency: string;
  amountPaid: number;
  paidAt: string;
  method: string;
  portalPath?: string;
  /** A receipt PDF the producer chose to include (base64); usually absent, see ReceiptPdfProvider. */
  receiptPdf?: { name: string; contentBase64: string };
}
