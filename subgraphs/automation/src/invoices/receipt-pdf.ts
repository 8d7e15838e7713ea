import type { EmailAttachment } from "../mail/mail-transport.js";

export interface ReceiptRequest {
  businessId: string;
  invoiceId: string;
  number: number;
}

/**
 * Where a receipt email gets its PDF when the event doesn't carry one. Resolves null when there is
 * none to attach (the email still goes out); a rejection makes the event retry later.
 */
export type ReceiptPdfProvider = (request: ReceiptRequest) => Promise<EmailAttachment | null>;

/** The default: no PDF source configured, so receipts are sent without an attachment. */
export const noReceiptPdf: ReceiptPdfProvider = async () => null;

export function receiptFileName(number: number): string {
  return `receipt-${number}.pdf`;
}
