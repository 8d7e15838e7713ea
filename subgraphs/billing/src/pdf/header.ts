import { decodeInlineLogo } from "@portal/kit";
import { contentLeft, contentRight, documentTitle, type RenderContext } from "./render-context.js";
import { drawStatusBadge } from "./status-badge.js";
import { BOLD_FONT, REGULAR_FONT } from "./theme.js";

const TITLE_WIDTH = 270;

/** Business identity on the left, document title and status on the right; returns the bottom. */
export function drawHeader(ctx: RenderContext): number {
  const { pdf, doc, theme } = ctx;
  const left = contentLeft(pdf);
  const right = contentRight(pdf);
  const top = pdf.page.margins.top;
  const businessWidth = right - left - TITLE_WIDTH - 20;

  let y = top;
  const logo = decodeInlineLogo(doc.business.logoUrl);
  if (logo) {
    try {
      pdf.image(logo, left, y, { fit: [140, 48] });
      y += 56;
    } catch {
      // A logo that passes the signature check but is still undecodable: show the name alone.
    }
  }
  pdf.font(BOLD_FONT).fontSize(18).fillColor(theme.primary).text(doc.business.displayName, left, y, { width: businessWidth });
  pdf.font(REGULAR_FONT).fontSize(9).fillColor(theme.muted);
  for (const line of [...(doc.business.addressLines ?? []), doc.business.email ?? ""]) {
    if (line.trim()) pdf.text(line, { width: businessWidth });
  }
  const businessBottom = pdf.y;

  const title = documentTitle(ctx.kind, doc.invoice.number, doc.subject);
  pdf.font(BOLD_FONT).fontSize(fittingFontSize(pdf, title)).fillColor(theme.text);
  pdf.text(title, right - TITLE_WIDTH, top, { width: TITLE_WIDTH, align: "right" });
  const badgeBottom = drawStatusBadge(pdf, doc.invoice.status, right, pdf.y + 6);

  const bottom = Math.max(businessBottom, badgeBottom) + 16;
  pdf.moveTo(left, bottom).lineTo(right, bottom).lineWidth(1.5).strokeColor(theme.accent).stroke();
  return bottom + 16;
}

/** Shrinks the title (down to 11pt) so it stays on one line, which also keeps it one phrase when searched. */
function fittingFontSize(pdf: PDFKit.PDFDocument, title: string): number {
  let size = 18;
  while (size > 11 && pdf.fontSize(size).widthOfString(title) > TITLE_WIDTH) size -= 1;
  return size;
}

/** Bill-to on the left, key dates and amounts on the right; returns the bottom. */
export function drawSummary(ctx: RenderContext, top: number): number {
  const { pdf, doc, theme } = ctx;
  const left = contentLeft(pdf);
  const right = contentRight(pdf);

  pdf.font(BOLD_FONT).fontSize(8).fillColor(theme.muted).text("BILL TO", left, top);
  pdf.font(BOLD_FONT).fontSize(11).fillColor(theme.text).text(doc.recipient.name, { width: 240 });
  if (doc.recipient.email) pdf.font(REGULAR_FONT).fontSize(10).fillColor(theme.text).text(doc.recipient.email, { width: 240 });
  const billToBottom = pdf.y;

  const rows = summaryRows(ctx);
  let y = top;
  for (const [label, value] of rows) {
    pdf
      .font(REGULAR_FONT)
      .fontSize(9)
      .fillColor(theme.muted)
      .text(label, right - 250, y, { width: 110 });
    pdf
      .font(BOLD_FONT)
      .fontSize(10)
      .fillColor(theme.text)
      .text(value, right - 140, y, { width: 140, align: "right" });
    y = Math.max(y + 16, pdf.y + 3);
  }
  return Math.max(billToBottom, y) + 20;
}

function summaryRows(ctx: RenderContext): Array<[string, string]> {
  const { invoice, payment } = ctx.doc;
  const rows: Array<[string, string]> = [
    [ctx.doc.subject === "order" ? "Order number" : "Invoice number", invoice.number],
    ["Issue date", ctx.calendarDate(invoice.issueDate)],
  ];
  if (ctx.kind === "receipt" && payment) {
    rows.push(["Paid on", ctx.date(payment.paidAt)], ["Payment method", payment.methodLabel], ["Amount paid", ctx.money(payment.amount)]);
  } else {
    if (invoice.dueDate) rows.push(["Due date", ctx.calendarDate(invoice.dueDate)]);
    rows.push(["Amount due", ctx.money(invoice.amountDue)]);
  }
  return rows;
}
