import { requestTarget, signCaller, systemCaller } from "@portal/kit";
import { PDF_FETCH_TIMEOUT_MS } from "../mail/mail-transport.js";
import { receiptFileName, type ReceiptPdfProvider } from "./receipt-pdf.js";

/**
 * Receipt PDFs from the billing subgraph's files endpoint, fetched as a signed platform call (no
 * code or tables shared). A missing receipt sends the email without one; any other failure rejects,
 * so the event is retried rather than the receipt silently left out.
 */
export function billingReceiptPdf(options: { billingUrl: () => string; portalSecret: string; timeoutMs?: number }): ReceiptPdfProvider {
  return async ({ businessId, invoiceId, number }) => {
    const base = options.billingUrl().replace(/\/graphql$/, "");
    const url = `${base}/files/invoices/${encodeURIComponent(invoiceId)}/receipt.pdf`;
    // The signature covers this GET of this path only.
    const response = await fetch(url, {
      headers: signCaller(options.portalSecret, systemCaller(businessId), { method: "GET", path: requestTarget(url) }),
      // A billing that never answers must not hold the email's event forever: the fetch fails and the event is retried.
      signal: AbortSignal.timeout(options.timeoutMs ?? PDF_FETCH_TIMEOUT_MS),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`billing answered ${response.status} for the receipt of invoice ${number}`);
    return {
      name: receiptFileName(number),
      contentType: "application/pdf",
      contentBase64: Buffer.from(await response.arrayBuffer()).toString("base64"),
    };
  };
}
