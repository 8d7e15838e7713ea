import { contentLeft, contentRight, reserveSpace, type RenderContext } from "./render-context.js";
import { BOLD_FONT, REGULAR_FONT } from "./theme.js";

/** A titled block of free text that may flow onto following pages; skipped when empty. */
function drawSection(ctx: RenderContext, top: number, title: string, lines: string[]): number {
  const body = lines.map((line) => line.trim()).filter(Boolean);
  if (body.length === 0) return top;
  const { pdf, theme } = ctx;
  const left = contentLeft(pdf);
  const width = contentRight(pdf) - left;
  const y = reserveSpace(pdf, top, 40);
  pdf.font(BOLD_FONT).fontSize(8).fillColor(theme.muted).text(title.toUpperCase(), left, y, { width });
  pdf.font(REGULAR_FONT).fontSize(10).fillColor(theme.text);
  for (const line of body) pdf.text(line, { width });
  return pdf.y + 14;
}

function paymentLines(ctx: RenderContext): string[] {
  const { payment, refunds = [] } = ctx.doc;
  const lines = payment
    ? [`${ctx.money(payment.amount)} paid with ${payment.methodLabel} on ${ctx.dateTime(payment.paidAt)}.`]
    : ["No payment has been recorded for this invoice."];
  for (const refund of refunds) {
    const reason = refund.reason?.trim() ? ` (${refund.reason.trim()})` : "";
    lines.push(`${ctx.money(refund.amount)} refunded on ${ctx.dateTime(refund.refundedAt)}${reason}.`);
  }
  return lines;
}

/** Payment details (receipts only), then notes and memo. */
export function drawClosing(ctx: RenderContext, top: number): number {
  let y = top;
  if (ctx.kind === "receipt") y = drawSection(ctx, y, "Payment", paymentLines(ctx));
  y = drawSection(ctx, y, "Notes", [ctx.doc.invoice.notes ?? ""]);
  y = drawSection(ctx, y, "Memo", [ctx.doc.invoice.memo ?? ""]);
  return y;
}
