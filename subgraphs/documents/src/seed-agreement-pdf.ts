import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { DocumentFonts, printable } from "./pdf/fonts.js";
import { wrapText } from "./pdf/text-layout.js";

/**
 * A short, presentable agreement for the demo to send for signature: the business and the client
 * by name, numbered sections, and a signature block whose lines the demo's fields sit on.
 */

export type AgreementParty = "client" | "business";

export interface AgreementContent {
  title: string;
  businessName: string;
  /** Shown under the title, e.g. "Effective 12 March 2026". */
  dateLine: string;
  intro: string;
  /** A paragraph starting with "- " is a bullet. */
  sections: { heading: string; paragraphs: string[] }[];
  /** One block each, side by side, in this order. */
  signers: { party: AgreementParty; caption: string; name: string }[];
}

/** Where a field goes, in the API's terms: page from 1, fractions of the page from its top-left corner. */
export interface AgreementSpot {
  party: AgreementParty;
  kind: "SIGNATURE" | "DATE_SIGNED";
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const PAGE = { width: 612, height: 792 }; // US Letter
const MARGIN = 64;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const FOOTER_ROOM = 40;
const INK = rgb(0.11, 0.13, 0.17);
const MUTED = rgb(0.42, 0.45, 0.5);
const RULE = rgb(0.82, 0.84, 0.87);

const BODY = { size: 10.5, leading: 15 };
const SIGNATURE_BOX = { width: 210, height: 42 };
const DATE_BOX = { width: 120, height: 20 };
const COLUMN_GAP = 24;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Lays the agreement out page by page; returns the PDF and where each signer's fields belong. */
export async function agreementPdf(content: AgreementContent): Promise<{ bytes: Uint8Array; spots: AgreementSpot[] }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(printable(content.title));
  pdf.setAuthor(printable(content.businessName));
  const loader = new DocumentFonts(pdf);
  const fonts: Fonts = { regular: await loader.get("sans"), bold: await loader.get("bold") };
  const writer = new PageWriter(pdf, fonts);

  writer.text(printable(content.businessName).toUpperCase(), fonts.bold, 9, MUTED, 14);
  writer.gap(6);
  for (const line of wrapText(printable(content.title), fonts.bold, 20, CONTENT_WIDTH)) writer.text(line, fonts.bold, 20, INK, 26);
  writer.text(printable(content.dateLine), fonts.regular, 10, MUTED, 16);
  writer.gap(6);
  writer.rule();
  writer.gap(14);
  writer.paragraph(printable(content.intro));

  for (const [index, section] of content.sections.entries()) {
    writer.gap(10);
    writer.keepTogether(20 + 2 * BODY.leading);
    writer.text(`${index + 1}. ${printable(section.heading)}`, fonts.bold, 12, INK, 20);
    for (const paragraph of section.paragraphs) {
      writer.paragraph(printable(paragraph));
      writer.gap(4);
    }
  }

  const spots = writer.signatureBlocks(content.signers);
  writer.footers(printable(content.title));
  return { bytes: await pdf.save(), spots };
}

/** A cursor down the current page that starts a new page when the next thing does not fit. */
class PageWriter {
  private readonly pages: PDFPage[] = [];
  private y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  private get page(): PDFPage {
    return this.pages.at(-1)!;
  }

  private newPage(): void {
    this.pages.push(this.pdf.addPage([PAGE.width, PAGE.height]));
    this.y = PAGE.height - MARGIN;
  }

  keepTogether(height: number): void {
    if (this.y - height < MARGIN + FOOTER_ROOM) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  text(line: string, font: PDFFont, size: number, color = INK, leading = size * 1.4, x = MARGIN): void {
    this.keepTogether(leading);
    this.y -= leading;
    this.page.drawText(line, { x, y: this.y + (leading - size) / 2, size, font, color });
  }

  paragraph(text: string): void {
    const bullet = text.startsWith("- ");
    const indent = bullet ? 14 : 0;
    const lines = wrapText(bullet ? text.slice(2) : text, this.fonts.regular, BODY.size, CONTENT_WIDTH - indent);
    for (const [index, line] of lines.entries()) {
      this.text(line, this.fonts.regular, BODY.size, INK, BODY.leading, MARGIN + indent);
      if (bullet && index === 0)
        this.page.drawText("•", {
          x: MARGIN + 2,
          y: this.y + (BODY.leading - BODY.size) / 2,
          size: BODY.size,
          font: this.fonts.regular,
          color: MUTED,
        });
    }
  }

  rule(): void {
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE.width - MARGIN, y: this.y }, thickness: 0.75, color: RULE });
  }

  /** Caption, a signature line with the name under it and a date line, per signer, side by side. */
  signatureBlocks(signers: AgreementContent["signers"]): AgreementSpot[] {
    const blockHeight = 24 + 16 + SIGNATURE_BOX.height + 18 + DATE_BOX.height + 18;
    this.gap(18);
    this.keepTogether(blockHeight);
    this.text("Signatures", this.fonts.bold, 12, INK, 24);
    const captionTop = this.y - 4;
    const columnWidth = (CONTENT_WIDTH - COLUMN_GAP) / 2;
    const spots: AgreementSpot[] = [];
    for (const [index, signer] of signers.entries()) {
      const x = MARGIN + index * (columnWidth + COLUMN_GAP);
      this.page.drawText(printable(signer.caption), { x, y: captionTop - 12, size: 10, font: this.fonts.bold, color: MUTED });
      const signatureLine = captionTop - 16 - SIGNATURE_BOX.height;
      this.line(x, signatureLine, SIGNATURE_BOX.width);
      this.page.drawText(printable(signer.name), { x, y: signatureLine - 13, size: 10, font: this.fonts.regular, color: INK });
      const dateLine = signatureLine - 18 - DATE_BOX.height;
      this.line(x, dateLine, DATE_BOX.width);
      this.page.drawText("Date", { x, y: dateLine - 12, size: 9, font: this.fonts.regular, color: MUTED });
      spots.push(this.spot(signer.party, "SIGNATURE", x, signatureLine + SIGNATURE_BOX.height, SIGNATURE_BOX));
      spots.push(this.spot(signer.party, "DATE_SIGNED", x, dateLine + DATE_BOX.height, DATE_BOX));
    }
    this.y = captionTop - blockHeight + 24;
    return spots;
  }

  footers(title: string): void {
    for (const [index, page] of this.pages.entries()) {
      page.drawText(title, { x: MARGIN, y: MARGIN / 2, size: 8, font: this.fonts.regular, color: MUTED });
      const label = `Page ${index + 1} of ${this.pages.length}`;
      const width = this.fonts.regular.widthOfTextAtSize(label, 8);
      page.drawText(label, { x: PAGE.width - MARGIN - width, y: MARGIN / 2, size: 8, font: this.fonts.regular, color: MUTED });
    }
  }

  private line(x: number, y: number, width: number): void {
    this.page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.75, color: MUTED });
  }

  /** A box whose top edge is at `top` (PDF points from the bottom), as page fractions from the top-left. */
  private spot(
    party: AgreementParty,
    kind: AgreementSpot["kind"],
    x: number,
    top: number,
    box: { width: number; height: number },
  ): AgreementSpot {
    return {
      party,
      kind,
      page: this.pages.length,
      x: x / PAGE.width,
      y: (PAGE.height - top) / PAGE.height,
      width: box.width / PAGE.width,
      height: box.height / PAGE.height,
    };
  }
}
