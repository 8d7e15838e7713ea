import { formatCalendarDate, formatDate, formatDateTime } from "./dates.js";
import type { CalendarDate, InvoiceDocument } from "./invoice-document.js";
import { formatMoney } from "./money.js";
import type { Theme } from "./theme.js";

export type DocumentKind = "invoice" | "receipt";

/** Everything the layout sections share while drawing one PDF. */
export interface RenderContext {
  pdf: PDFKit.PDFDocument;
  doc: InvoiceDocument;
  kind: DocumentKind;
  theme: Theme;
  money(minorUnits: number): string;
  /** Issue and due dates (days, never shifted by zone). */
  calendarDate(date: CalendarDate): string;
  /** The day an instant (payment, refund) fell on in the business's zone. */
  date(date: Date): string;
  dateTime(date: Date): string;
}

export function createContext(pdf: PDFKit.PDFDocument, doc: InvoiceDocument, kind: DocumentKind, theme: Theme): RenderContext {
  const locale = doc.locale ?? "en-US";
  const timeZone = doc.timeZone ?? "UTC";
  return {
    pdf,
    doc,
    kind,
    theme,
    money: (minorUnits) => formatMoney(minorUnits, doc.invoice.currency, locale),
    calendarDate: (date) => formatCalendarDate(date, locale),
    date: (date) => formatDate(date, locale, timeZone),
    dateTime: (date) => formatDateTime(date, locale, timeZone),
  };
}

export function documentTitle(kind: DocumentKind, invoiceNumber: string, subject: InvoiceDocument["subject"] = "invoice"): string {
  if (subject === "order") return `Receipt for order #${invoiceNumber}`;
  return kind === "invoice" ? `Invoice #${invoiceNumber}` : `Receipt for invoice #${invoiceNumber}`;
}

export function contentLeft(pdf: PDFKit.PDFDocument): number {
  return pdf.page.margins.left;
}

export function contentRight(pdf: PDFKit.PDFDocument): number {
  return pdf.page.width - pdf.page.margins.right;
}

export function contentBottom(pdf: PDFKit.PDFDocument): number {
  return pdf.page.height - pdf.page.margins.bottom;
}

/** Starts a new page when `height` points do not fit below `y`; returns where to continue drawing. */
export function reserveSpace(pdf: PDFKit.PDFDocument, y: number, height: number): number {
  if (y + height <= contentBottom(pdf)) return y;
  pdf.addPage();
  return pdf.page.margins.top;
}
