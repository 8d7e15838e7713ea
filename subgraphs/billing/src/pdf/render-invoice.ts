import PDFDocument from "pdfkit";
import { drawClosing } from "./closing.js";
import { calendarDateToDate } from "./dates.js";
import { drawHeader, drawSummary } from "./header.js";
import type { InvoiceDocument } from "./invoice-document.js";
import { drawLineItems } from "./line-items-table.js";
import { drawPageFooters } from "./page-footer.js";
import { createContext, documentTitle, type DocumentKind } from "./render-context.js";
import { BOLD_FONT, fontFiles, REGULAR_FONT, themeFor } from "./theme.js";
import { drawTotals } from "./totals.js";

/** Renders the invoice as a searchable A4 PDF (real text, embedded unicode font). */
export function renderInvoicePdf(doc: InvoiceDocument): Promise<Buffer> {
  return renderPdf(doc, "invoice");
}

/** Renders the receipt for an invoice: the same amounts plus how and when it was paid. */
export function renderReceiptPdf(doc: InvoiceDocument): Promise<Buffer> {
  return renderPdf(doc, "receipt");
}

function renderPdf(doc: InvoiceDocument, kind: DocumentKind): Promise<Buffer> {
  const title = documentTitle(kind, doc.invoice.number, doc.subject);
  // The creation date comes from the document, not the clock, so the same invoice renders the same.
  const creationDate = kind === "receipt" && doc.payment ? doc.payment.paidAt : calendarDateToDate(doc.invoice.issueDate);
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 50, left: 50, right: 50, bottom: 60 },
    bufferPages: true,
    info: { Title: `${title} · ${doc.business.displayName}`, Author: doc.business.displayName, Subject: title, CreationDate: creationDate },
    lang: doc.locale ?? "en-US",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  try {
    const files = fontFiles();
    pdf.registerFont(REGULAR_FONT, files.regular);
    pdf.registerFont(BOLD_FONT, files.bold);
    const ctx = createContext(pdf, doc, kind, themeFor(doc.business));
    let y = drawHeader(ctx);
    y = drawSummary(ctx, y);
    y = drawLineItems(ctx, y);
    y = drawTotals(ctx, y);
    drawClosing(ctx, y);
    drawPageFooters(ctx);
    pdf.end();
  } catch (error) {
    return Promise.reject(error);
  }
  return finished;
}
