import { isStaffReader } from "@portal/kit";
import type { FileHandler, FileResponse } from "@portal/kit";
import { findInvoice } from "../invoices/invoice.service.js";
import { Payment } from "../payments/payment.entity.js";
import { renderInvoicePdf, renderReceiptPdf } from "../pdf/index.js";
import { contactIdOf } from "../shared/access.js";
import { invoiceDocumentOf } from "./invoice-document.js";

const INVOICE_PDF = /^([0-9a-f-]{36})\.pdf$/i;
const RECEIPT_PDF = /^([0-9a-f-]{36})\/receipt\.pdf$/i;

const json = (status: number, error: string): FileResponse => ({
  status,
  contentType: "application/json",
  body: Buffer.from(JSON.stringify({ error })),
});
const NOT_FOUND = json(404, "not found");

/**
 * `GET /files/invoices/<id>.pdf` and `GET /files/invoices/<id>/receipt.pdf`, relayed by the gateway
 * from `/files/billing/invoices/...`. Readable by exactly who may read `invoice(id)`: staff of its
 * business (or a READ API key), or its contact once sent. Everyone else gets 404, so an invoice's
 * existence does not leak; anonymous callers get 401. A receipt exists once something was paid.
 */
export const invoiceFiles: FileHandler = async ({ caller, path, em }) => {
  // A platform process (e.g. automation attaching a receipt to its email) signs as "system"; the
  // gateway never does, so only holders of the platform secret can.
  const system = caller.actor.kind === "system";
  if (!system && (caller.actor.kind === "anonymous" || !caller.actor.id)) return json(401, "sign in to download");
  const receiptMatch = RECEIPT_PDF.exec(path);
  const id = (receiptMatch ?? INVOICE_PDF.exec(path))?.[1];
  if (!id || !caller.businessId) return NOT_FOUND;
  const invoice = await findInvoice(em, id);
  if (!invoice) return NOT_FOUND;
  const visible = system || isStaffReader(caller) || (contactIdOf(caller) === invoice.contactId && invoice.status !== "draft");
  if (!visible) return NOT_FOUND;

  const payments = await em.find(Payment, { invoiceId: invoice.id }, { orderBy: { createdAt: "asc" } });
  const document = await invoiceDocumentOf(em, invoice, payments);
  if (receiptMatch) {
    if (!document.payment) return NOT_FOUND;
    return {
      status: 200,
      contentType: "application/pdf",
      fileName: `receipt-${invoice.number}.pdf`,
      body: await renderReceiptPdf(document),
    };
  }
  return { status: 200, contentType: "application/pdf", fileName: `invoice-${invoice.number}.pdf`, body: await renderInvoicePdf(document) };
};
