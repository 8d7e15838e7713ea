import type { InvoiceStatus } from "./invoice-document.js";
import { BOLD_FONT } from "./theme.js";

const STATUS_LABELS: Record<InvoiceStatus, string> = {
  draft: "DRAFT",
  open: "OPEN",
  overdue: "OVERDUE",
  paid: "PAID",
  void: "VOID",
  refunded: "REFUNDED",
  partially_refunded: "PARTIALLY REFUNDED",
};

// Fixed colours (not the tenant's) so the status reads the same for every business.
const STATUS_COLOURS: Record<InvoiceStatus, string> = {
  draft: "#6b7280",
  open: "#2563eb",
  overdue: "#dc2626",
  paid: "#16a34a",
  void: "#4b5563",
  refunded: "#d97706",
  partially_refunded: "#d97706",
};

export function statusLabel(status: InvoiceStatus): string {
  return STATUS_LABELS[status] ?? String(status).toUpperCase();
}

/** Draws a filled pill with the status, right edge at `right`; returns its bottom. */
export function drawStatusBadge(pdf: PDFKit.PDFDocument, status: InvoiceStatus, right: number, top: number): number {
  const label = statusLabel(status);
  pdf.font(BOLD_FONT).fontSize(9);
  const width = pdf.widthOfString(label) + 14;
  const height = 17;
  pdf.roundedRect(right - width, top, width, height, 4).fill(STATUS_COLOURS[status] ?? "#6b7280");
  pdf.fillColor("#ffffff").text(label, right - width, top + 4, { width, align: "center", lineBreak: false });
  return top + height;
}
