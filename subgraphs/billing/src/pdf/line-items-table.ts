import type { InvoiceLineItem } from "./invoice-document.js";
import { formatQuantity } from "./money.js";
import { contentBottom, contentLeft, contentRight, reserveSpace, type RenderContext } from "./render-context.js";
import { BOLD_FONT, REGULAR_FONT } from "./theme.js";

const PADDING = 6;
const HEADER_HEIGHT = 20;
const FONT_SIZE = 10;

interface Column {
  title: string;
  x: number;
  width: number;
  align: "left" | "right";
}

function columnsFor(pdf: PDFKit.PDFDocument): Column[] {
  const left = contentLeft(pdf);
  const right = contentRight(pdf);
  const amountWidth = 95;
  const unitWidth = 90;
  const qtyWidth = 45;
  const descriptionWidth = right - left - amountWidth - unitWidth - qtyWidth;
  return [
    { title: "Description", x: left, width: descriptionWidth, align: "left" },
    { title: "Qty", x: left + descriptionWidth, width: qtyWidth, align: "right" },
    { title: "Unit price", x: left + descriptionWidth + qtyWidth, width: unitWidth, align: "right" },
    { title: "Amount", x: right - amountWidth, width: amountWidth, align: "right" },
  ];
}

function drawTableHeader(ctx: RenderContext, columns: Column[], top: number): number {
  const { pdf, theme } = ctx;
  const left = contentLeft(pdf);
  pdf.rect(left, top, contentRight(pdf) - left, HEADER_HEIGHT).fill(theme.accent);
  pdf.font(BOLD_FONT).fontSize(9).fillColor("#ffffff");
  for (const column of columns) {
    pdf.text(column.title, column.x + PADDING, top + 5, { width: column.width - 2 * PADDING, align: column.align, lineBreak: false });
  }
  return top + HEADER_HEIGHT;
}

function cellsFor(ctx: RenderContext, item: InvoiceLineItem): string[] {
  return [item.description, formatQuantity(item.quantity, ctx.doc.locale), ctx.money(item.unitPrice), ctx.money(item.amount)];
}

/**
 * Draws the line items. Rows are never split: when the next row does not fit, it moves to a new
 * page with the column titles repeated, and the titles always travel with at least one row.
 * Returns the bottom of the table.
 */
export function drawLineItems(ctx: RenderContext, top: number): number {
  const { pdf, theme } = ctx;
  const columns = columnsFor(pdf);
  const descriptionWidth = columns[0].width - 2 * PADDING;
  // A description taller than a whole page is cut with an ellipsis rather than broken across pages.
  const maxRowHeight = contentBottom(pdf) - pdf.page.margins.top - HEADER_HEIGHT;
  const items = ctx.doc.invoice.lineItems;
  let y = top;
  let needsHeader = true;

  for (const item of items) {
    pdf.font(REGULAR_FONT).fontSize(FONT_SIZE);
    const fullHeight = pdf.heightOfString(item.description || " ", { width: descriptionWidth }) + 2 * PADDING;
    const rowHeight = Math.min(fullHeight, maxRowHeight);
    if (y + (needsHeader ? HEADER_HEIGHT : 0) + rowHeight > contentBottom(pdf)) {
      pdf.addPage();
      y = pdf.page.margins.top;
      needsHeader = true;
    }
    if (needsHeader) {
      y = drawTableHeader(ctx, columns, y);
      needsHeader = false;
    }
    // Set after the header, which leaves its bold white font selected.
    pdf.font(REGULAR_FONT).fontSize(FONT_SIZE).fillColor(theme.text);
    cellsFor(ctx, item).forEach((cell, index) => {
      const column = columns[index];
      const options = { width: column.width - 2 * PADDING, align: column.align, height: rowHeight - 2 * PADDING, ellipsis: true };
      pdf.text(cell, column.x + PADDING, y + PADDING, options);
    });
    y += rowHeight;
    pdf.moveTo(columns[0].x, y).lineTo(contentRight(pdf), y).lineWidth(0.5).strokeColor(theme.rule).stroke();
  }
  if (items.length === 0) y = drawTableHeader(ctx, columns, reserveSpace(pdf, y, HEADER_HEIGHT));
  return y + 12;
}
