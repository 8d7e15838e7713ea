import {
  concatTransformationMatrix,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFDocument,
  type PDFFont,
  type PDFPage,
} from "pdf-lib";
import { printable, type DocumentFonts } from "./fonts.js";
import { displayedPage } from "./geometry.js";
import { pngSize } from "./signature-image.js";
import { fitText, metrics } from "./text-layout.js";

/**
 * A filled field to stamp. `x`, `y`, `width`, `height` are fractions (0–1) of the displayed page
 * from its top-left corner; `page` is 1-based. SIGNATURE carries either `signaturePng` (drawn) or
 * `text` (the typed name); the other kinds carry `text`. Fields with nothing to show are skipped.
 */
export interface StampField {
  kind: "SIGNATURE" | "INITIALS" | "DATE_SIGNED" | "TEXT";
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
  text: string | null;
  signaturePng: Uint8Array | null;
}

const INK = rgb(0.07, 0.14, 0.42);
const TEXT = rgb(0.1, 0.1, 0.12);
const RULE = rgb(0.45, 0.47, 0.52);

/** A field's box in display space (origin at the displayed bottom-left corner, y up). */
interface Rect {
  left: number;
  bottom: number;
  width: number;
  height: number;
}

const clamp = (value: number) => Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0));

function fieldRect(field: StampField, pageWidth: number, pageHeight: number): Rect {
  const x = clamp(field.x);
  const y = clamp(field.y);
  const width = Math.min(clamp(field.width), 1 - x);
  const height = Math.min(clamp(field.height), 1 - y);
  return { left: x * pageWidth, bottom: (1 - y - height) * pageHeight, width: width * pageWidth, height: height * pageHeight };
}

function inset(rect: Rect, by: number): Rect {
  const dx = Math.min(by, rect.width / 4);
  const dy = Math.min(by, rect.height / 4);
  return { left: rect.left + dx, bottom: rect.bottom + dy, width: rect.width - 2 * dx, height: rect.height - 2 * dy };
}

/** Lines of text centred vertically in the box, left-aligned. */
function drawTextBlock(page: PDFPage, text: string, font: PDFFont, rect: Rect, maxSize: number, minSize: number, color = TEXT): void {
  const fitted = fitText(text, font, rect.width, rect.height, maxSize, minSize);
  const { ascent, descent } = metrics(font, fitted.size);
  const blockHeight = fitted.lines.length * fitted.lineHeight;
  let lineTop = rect.bottom + rect.height - Math.max(0, (rect.height - blockHeight) / 2);
  for (const line of fitted.lines) {
    const baseline = lineTop - (fitted.lineHeight - (ascent + descent)) / 2 - ascent;
    if (line) page.drawText(line, { x: rect.left, y: baseline, size: fitted.size, font, color });
    lineTop -= fitted.lineHeight;
  }
}

/** The typed name in the script font on a thin signature line, as large as the box allows. */
function drawTypedSignature(page: PDFPage, typed: string, font: PDFFont, rect: Rect): void {
  const name = typed.replace(/\s+/g, " ");
  const lineY = rect.bottom + rect.height * 0.12;
  const unit = metrics(font, 1);
  const byWidth = (rect.width * 0.96) / Math.max(font.widthOfTextAtSize(name, 1), 0.001);
  // The baseline sits a little above the line; the ascent must stay inside the box.
  const byHeight = (rect.bottom + rect.height * 0.98 - lineY) / (unit.ascent + 0.12);
  const size = Math.max(4, Math.min(byWidth, byHeight, 48));
  page.drawText(name, { x: rect.left + rect.width * 0.02, y: lineY + size * 0.12, size, font, color: INK });
  page.drawLine({
    start: { x: rect.left, y: lineY },
    end: { x: rect.left + rect.width, y: lineY },
    thickness: 0.6,
    color: RULE,
  });
}

async function drawDrawnSignature(pdf: PDFDocument, page: PDFPage, png: Uint8Array, rect: Rect, pageNumber: number): Promise<void> {
  let image: Awaited<ReturnType<PDFDocument["embedPng"]>>;
  try {
    pngSize(png);
    image = await pdf.embedPng(png);
  } catch {
    throw new Error(`The drawn signature for a field on page ${pageNumber} is not a readable PNG image.`);
  }
  const scale = Math.min(rect.width / image.width, rect.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  page.drawImage(image, {
    x: rect.left + (rect.width - width) / 2,
    y: rect.bottom + (rect.height - height) / 2,
    width,
    height,
  });
}

/** Stamps field values and signatures onto their pages, upright as the pages are displayed. */
export async function stampFields(pdf: PDFDocument, fields: StampField[], fonts: DocumentFonts): Promise<void> {
  const pages = pdf.getPages();
  for (const field of fields) {
    const page = pages[field.page - 1];
    if (!page) throw new RangeError(`A field is on page ${field.page}, but the PDF has ${pages.length} pages.`);
    const text = field.text === null ? "" : printable(field.text).trim();
    if (!field.signaturePng && !text) continue;

    const shown = displayedPage(page);
    const rect = fieldRect(field, shown.width, shown.height);
    if (rect.width <= 0 || rect.height <= 0) continue;
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...shown.matrix));
    if (field.kind === "SIGNATURE" && field.signaturePng) {
      await drawDrawnSignature(pdf, page, field.signaturePng, inset(rect, 1), field.page);
    } else if (field.kind === "SIGNATURE") {
      drawTypedSignature(page, text, await fonts.get("script"), inset(rect, 1));
    } else if (field.kind === "INITIALS") {
      drawTextBlock(page, text, await fonts.get("script"), inset(rect, 1.5), 28, 4, INK);
    } else {
      drawTextBlock(page, text, await fonts.get("sans"), inset(rect, 1.5), 12, 4);
    }
    page.pushOperators(popGraphicsState());
  }
}
