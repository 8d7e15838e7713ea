import { requestTarget, signCaller, systemCaller } from "@portal/kit";
import type { EmailAttachment } from "../mail/mail-transport.js";
import { PDF_FETCH_TIMEOUT_MS } from "../mail/mail-transport.js";

export interface OrderReceiptRequest {
  businessId: string;
  orderId: string;
}

/** Where the ORDER_RECEIPT email gets its PDF; null sends the email without one, a rejection retries the event. */
export type OrderReceiptPdfProvider = (request: OrderReceiptRequest) => Promise<EmailAttachment | null>;

export const noOrderReceiptPdf: OrderReceiptPdfProvider = async () => null;

/** Billing's own file name (`receipt-order-<number>.pdf`) from its answer, else a plain one. */
function fileNameOf(response: Response): string {
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1];
  return name && /^[\w.-]+\.pdf$/.test(name) ? name : "receipt.pdf";
}

/**
 * Order receipts from billing's files endpoint, fetched as a signed platform call like invoice
 * receipts (`billingReceiptPdf`): a missing one sends the email without it, any other failure retries.
 */
export function billingOrderReceiptPdf(options: {
  billingUrl: () => string;
  portalSecret: string;
  timeoutMs?: number;
}): OrderReceiptPdfProvider {
  return async ({ businessId, orderId }) => {
    const base = options.billingUrl().replace(/\/graphql$/, "");
    const url = `${base}/files/orders/${encodeURIComponent(orderId)}/receipt.pdf`;
    const response = await fetch(url, {
      headers: signCaller(options.portalSecret, systemCaller(businessId), { method: "GET", path: requestTarget(url) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? PDF_FETCH_TIMEOUT_MS),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`billing answered ${response.status} for the receipt of order ${orderId}`);
    return {
      name: fileNameOf(response),
      contentType: "application/pdf",
      contentBase64: Buffer.from(await response.arrayBuffer()).toString("base64"),
    };
  };
}
