import { signCaller, systemCaller } from "@portal/kit";
import { receiptFileName, type ReceiptPdfProvider } from "./receipt-pdf.js";

/**
 * Receipt PDFs from the billing subgraph's files endpoint, fetched as a signed platform call (no
 * code or tables shared). A missing receipt sends the email without one; any other failure rejects,
 * so the event is retried rather than the receipt silently left out.
 */
export function billingReceiptPdf(options: { billingUrl: () => string; portalSecret: string }): ReceiptPdfProvider {
  return async ({ businessId, invoiceId, number }) => {
    const base = options.billingUrl().replace(/\/graphql$/, "");
    const response = await fetch(`${base}/files/invoices/${encodeURIComponent(invoiceId)}/receipt.pdf`, {
      headers: signCaller(options.portalSecret, systemCaller(businessId)),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`billing answered ${response.status} for the receipt of invoice ${number}`);
    return { name: receiptFileName(number), contentType: "application/pdf", contentBase64: Buffer.from(await response.arrayBuffer()).toString("base64") };
  };
}
