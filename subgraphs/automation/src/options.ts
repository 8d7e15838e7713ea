import type { RetryPolicy } from "./delivery/send-queue.js";
import type { SignedPdfProvider } from "./documents/signed-pdf.js";
import type { ReceiptPdfProvider } from "./invoices/receipt-pdf.js";
import type { OrderReceiptPdfProvider } from "./orders/order-receipt-pdf.js";

export interface AutomationOptions {
  /** Shared secret: opens sealed links from identity events and seals queued messages. */
  portalSecret: string;
  production: boolean;
  mail: {
    /** With a token, mail goes through Postmark; without one, into the dev mailbox. */
    postmarkServerToken?: string;
    /** Postmark API base URL; only tests change it, to a local server speaking Postmark's API. */
    postmarkApiUrl?: string;
    /** Platform sending address, e.g. `Client Portal <portal@example.com>`. */
    fromAddress: string;
  };
  /** How often a temporarily failing email is retried (defaults suit production). */
  retry?: RetryPolicy;
  /** Source of receipt PDFs for payment receipts whose event carries none; defaults to sending without one. */
  receiptPdf?: ReceiptPdfProvider;
  /** Source of order receipt PDFs (`billingOrderReceiptPdf`); defaults to sending the ORDER_RECEIPT email without one. */
  orderReceiptPdf?: OrderReceiptPdfProvider;
  /**
   * Source of the sealed PDF attached to the fully-signed document email (`documentsSignedPdf` fetches
   * it from the documents subgraph); defaults to sending without one.
   */
  signedPdf?: SignedPdfProvider;
  /** How long a workflow step waits for its service's answer before it fails (default 3600; tests shorten it). */
  workflowStepTimeoutSeconds?: number;
}
