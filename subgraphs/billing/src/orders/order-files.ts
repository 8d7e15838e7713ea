import { type FileHandler, type FileResponse, isStaffReader, KnownBusiness } from "@portal/kit";
import { renderReceiptPdf, type InvoiceDocument } from "../pdf/index.js";
import { contactIdOf } from "../shared/access.js";
import type { Order } from "./order.entity.js";
import { findOrder } from "./order-store.js";

const RECEIPT_PDF = /^([0-9a-f-]{36})\/receipt\.pdf$/i;
const METHOD_LABELS: Record<string, string> = { card: "Card", test: "Test payment" };

const json = (status: number, error: string): FileResponse => ({
  status,
  contentType: "application/json",
  body: Buffer.from(JSON.stringify({ error })),
});
const NOT_FOUND = json(404, "not found");

/** `receipt-order-<number>.pdf`: distinct from invoice receipts, whose numbers run separately. */
export const orderReceiptFileName = (number: number) => `receipt-order-${number}.pdf`;

/**
 * `GET /files/orders/<id>/receipt.pdf`, relayed by the gateway from `/files/billing/orders/...`: for
 * staff of the business (or a READ API key), the buyer signed in as the order's contact, and the
 * platform (automation attaching it to the ORDER_RECEIPT email). Anyone else gets 404, anonymous
 * callers 401. A receipt exists once the order is paid.
 */
export const orderFiles: FileHandler = async ({ caller, path, em }) => {
  const system = caller.actor.kind === "system";
  if (!system && (caller.actor.kind === "anonymous" || !caller.actor.id)) return json(401, "sign in to download");
  const id = RECEIPT_PDF.exec(path)?.[1];
  if (!id || !caller.businessId) return NOT_FOUND;
  const order = await findOrder(em, id);
  if (!order || order.status === "pending" || !order.paidAt) return NOT_FOUND;
  const visible = system || isStaffReader(caller) || (order.contactId !== null && contactIdOf(caller) === order.contactId);
  if (!visible) return NOT_FOUND;
  const business = await em.findOne(KnownBusiness, { businessId: order.businessId });
  return {
    status: 200,
    contentType: "application/pdf",
    fileName: orderReceiptFileName(order.number),
    body: await renderReceiptPdf(orderReceiptDocument(order, business)),
  };
};

/** The order as a one-line paid receipt, drawn by the invoices' receipt layout. */
export function orderReceiptDocument(order: Order, business: KnownBusiness | null): InvoiceDocument {
  const paidAt = order.paidAt ?? order.createdAt;
  return {
    subject: "order",
    business: business
      ? {
          displayName: business.displayName || business.name,
          logoUrl: business.logoUrl,
          primaryColor: business.primaryColor,
          accentColor: business.accentColor,
        }
      : { displayName: `Business ${order.businessId.slice(0, 8)}` },
    recipient: { name: order.buyerName, email: order.buyerEmail },
    invoice: {
      number: String(order.number),
      currency: order.currency,
      status: "paid",
      issueDate: paidAt.toISOString().slice(0, 10),
      lineItems: [{ description: order.offerName, quantity: 1, unitPrice: order.amount, amount: order.amount }],
      subtotal: order.amount,
      discount: 0,
      taxAmount: 0,
      total: order.amount,
      amountPaid: order.amount,
      amountDue: 0,
    },
    payment: { methodLabel: METHOD_LABELS[order.paymentMethod ?? ""] ?? "Card", paidAt, amount: order.amount },
  };
}
