import { PDFDocument } from "pdf-lib";
import { PdfRejectedError } from "./errors.js";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Far beyond any signature pad canvas, small enough that decoding cannot exhaust memory. */
const MAX_SIDE = 4096;
const MAX_PIXELS = 8_000_000;

const NOT_A_PNG = "The drawn signature is not a valid PNG image.";

/** Width and height from the PNG header, refusing anything that is not a PNG of sensible size. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 33 || !buffer.subarray(0, 8).equals(PNG_SIGNATURE) || buffer.toString("latin1", 12, 16) !== "IHDR") {
    throw new PdfRejectedError(NOT_A_PNG);
  }
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  if (width === 0 || height === 0) throw new PdfRejectedError(NOT_A_PNG);
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new PdfRejectedError(`The drawn signature image is too large (at most ${MAX_SIDE} × ${MAX_SIDE} pixels).`);
  }
  return { width, height };
}

/**
 * Checks, when a signer submits a drawn signature, that the PNG decodes and can be placed in a PDF,
 * so that completing the document cannot fail on it later. Throws PdfRejectedError.
 */
export async function validateSignaturePng(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const size = pngSize(bytes);
  try {
    const pdf = await PDFDocument.create();
    const image = await pdf.embedPng(bytes);
    pdf.addPage([image.width, image.height]).drawImage(image, { x: 0, y: 0 });
    await pdf.save();
  } catch {
    throw new PdfRejectedError(NOT_A_PNG);
  }
  return size;
}
