import { documentTitle, type RenderContext } from "./render-context.js";
import { REGULAR_FONT } from "./theme.js";

/**
 * Writes "<business> · <title> · Page n of m" at the foot of every page. Runs after all content
 * (pages are buffered) because the page count is only known then.
 */
export function drawPageFooters(ctx: RenderContext): void {
  const { pdf, doc, theme } = ctx;
  const { start, count } = pdf.bufferedPageRange();
  const title = documentTitle(ctx.kind, doc.invoice.number, doc.subject);
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    const { margins } = pdf.page;
    const bottomMargin = margins.bottom;
    // Writing inside the bottom margin would otherwise make the PDF library start a new page.
    margins.bottom = 0;
    pdf.font(REGULAR_FONT).fontSize(8).fillColor(theme.muted);
    pdf.text(`${doc.business.displayName} · ${title} · Page ${index - start + 1} of ${count}`, margins.left, pdf.page.height - 36, {
      width: pdf.page.width - margins.left - margins.right,
      align: "center",
      lineBreak: false,
    });
    margins.bottom = bottomMargin;
  }
}
