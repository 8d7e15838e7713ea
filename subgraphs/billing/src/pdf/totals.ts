import { formatBasisPoints } from "./money.js";
import { contentRight, reserveSpace, type RenderContext } from "./render-context.js";
import { BOLD_FONT, REGULAR_FONT } from "./theme.js";

interface TotalRow {
  label: string;
  value: string;
  emphasis?: boolean;
}

const ROW_HEIGHT = 17;
const BLOCK_WIDTH = 260;

function totalRows(ctx: RenderContext): TotalRow[] {
  const { invoice, refunds = [] } = ctx.doc;
  const rows: TotalRow[] = [{ label: "Subtotal", value: ctx.money(invoice.subtotal) }];
  if (invoice.discount) rows.push({ label: "Discount", value: ctx.money(-invoice.discount) });
  if (invoice.taxRateBps || invoice.taxAmount) {
    const rate = invoice.taxRateBps ? ` (${formatBasisPoints(invoice.taxRateBps, ctx.doc.locale)})` : "";
    rows.push({ label: `Tax${rate}`, value: ctx.money(invoice.taxAmount) });
  }
  rows.push({ label: "Total", value: ctx.money(invoice.total), emphasis: true });
  rows.push({ label: "Amount paid", value: ctx.money(invoice.amountPaid) });
  const refunded = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  if (refunded) rows.push({ label: "Refunded", value: ctx.money(-refunded) });
  rows.push({ label: "Amount due", value: ctx.money(invoice.amountDue), emphasis: true });
  return rows;
}

/** Right-aligned totals block, kept whole on one page; returns its bottom. */
export function drawTotals(ctx: RenderContext, top: number): number {
  const { pdf, theme } = ctx;
  const rows = totalRows(ctx);
  const right = contentRight(pdf);
  const left = right - BLOCK_WIDTH;
  let y = reserveSpace(pdf, top, rows.length * ROW_HEIGHT + 8);

  for (const row of rows) {
    if (row.emphasis) {
      pdf
        .moveTo(left, y - 3)
        .lineTo(right, y - 3)
        .lineWidth(0.5)
        .strokeColor(theme.rule)
        .stroke();
    }
    pdf.font(row.emphasis ? BOLD_FONT : REGULAR_FONT).fontSize(row.emphasis ? 11 : 10);
    pdf.fillColor(theme.muted).text(row.label, left, y, { width: BLOCK_WIDTH / 2, lineBreak: false });
    pdf.fillColor(row.emphasis ? theme.primary : theme.text).text(row.value, left + BLOCK_WIDTH / 2, y, {
      width: BLOCK_WIDTH / 2,
      align: "right",
      lineBreak: false,
    });
    y += ROW_HEIGHT;
  }
  return y + 16;
}
