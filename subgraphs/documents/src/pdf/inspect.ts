import { EncryptedPDFError, PDFDocument } from "pdf-lib";
import { PdfRejectedError } from "./errors.js";
import { displayedPage, roundPoints } from "./geometry.js";
import { countPagesUpTo } from "./page-count.js";

/** A page's size as displayed (after /Rotate), in PDF points; `number` is 1-based. */
export interface PdfPage {
  number: number;
  width: number;
  height: number;
}

const HEADER = "%PDF-";
/** Readers accept a header within the first KB (some files start with junk). */
const HEADER_WINDOW = 1024;
/** A complete file ends with %%EOF; tolerated trailing garbage follows the same 1 KB rule. */
const END_WINDOW = 1024;

function includesAscii(bytes: Uint8Array, text: string, from: number, to: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .subarray(Math.max(0, from), Math.min(bytes.byteLength, to))
    .includes(text, 0, "latin1");
}

/** The most pages a document to sign may have: each is rendered for placing fields and stamped when sealed. */
export const MAX_PAGES = 200;

export interface LoadOptions {
  /** Refuse a file with more pages, counted before any page is built. */
  maxPages?: number;
  /** Named in messages, e.g. "contract.pdf". */
  fileName?: string;
}

/**
 * Parses an uploaded PDF, refusing what cannot be signed reliably: anything that is not a PDF,
 * encrypted (password-protected) files, damaged or truncated files, files without pages and, with
 * `maxPages`, files with more pages than that.
 */
export async function loadPdf(bytes: Uint8Array, options: LoadOptions = {}): Promise<PDFDocument> {
  if (bytes.byteLength === 0) throw new PdfRejectedError("The file is empty.");
  if (!includesAscii(bytes, HEADER, 0, HEADER_WINDOW)) throw new PdfRejectedError("The file is not a PDF.");
  if (!includesAscii(bytes, "%%EOF", bytes.byteLength - END_WINDOW, bytes.byteLength)) {
    throw new PdfRejectedError("The PDF is incomplete or damaged (it does not end properly). Upload the full file.");
  }
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true });
  } catch (error) {
    // Encrypted object streams fail to parse before pdf-lib reaches the /Encrypt check.
    if (error instanceof EncryptedPDFError || includesAscii(bytes, "/Encrypt", 0, bytes.byteLength)) {
      throw new PdfRejectedError("The PDF is password-protected or encrypted. Remove the protection and upload it again.");
    }
    throw new PdfRejectedError("The PDF is damaged and cannot be read.");
  }
  if (options.maxPages !== undefined) refuseLongerThan(pdf, options.maxPages, options.fileName);
  let pageCount: number;
  try {
    pageCount = pdf.getPageCount();
    for (const page of pdf.getPages()) {
      const { width, height } = displayedPage(page);
      if (!(width > 0 && height > 0)) throw new Error("page without a size");
    }
  } catch {
    throw new PdfRejectedError("The PDF is damaged and cannot be read.");
  }
  if (pageCount === 0) throw new PdfRejectedError("The PDF has no pages.");
  return pdf;
}

function refuseLongerThan(pdf: PDFDocument, maxPages: number, fileName = "The PDF"): void {
  let pages: number;
  try {
    pages = countPagesUpTo(pdf, maxPages);
  } catch {
    throw new PdfRejectedError("The PDF is damaged and cannot be read.");
  }
  if (pages > maxPages) {
    throw new PdfRejectedError(
      `${fileName} has more than ${maxPages} pages. A document to sign can have at most ${maxPages} pages; split it and send the parts separately.`,
    );
  }
}

/**
 * Page count and the displayed size of every page of an upload (at most MAX_PAGES); throws
 * PdfRejectedError for unusable files.
 */
export async function inspectPdf(bytes: Uint8Array, fileName?: string): Promise<{ pageCount: number; pages: PdfPage[] }> {
  const pdf = await loadPdf(bytes, { maxPages: MAX_PAGES, fileName });
  const pages = pdf.getPages().map((page, index) => {
    const { width, height } = displayedPage(page);
    return { number: index + 1, width: roundPoints(width), height: roundPoints(height) };
  });
  return { pageCount: pages.length, pages };
}
