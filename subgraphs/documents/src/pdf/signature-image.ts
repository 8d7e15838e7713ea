import { inflateSync } from "node:zlib";
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

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Walks the chunks and inflates the image data, which must be complete (no truncated stream). */
function checkImageData(buffer: Buffer, width: number, height: number): void {
  const idat: Buffer[] = [];
  let offset = 8;
  let ended = false;
  while (offset + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    if (offset + 12 + length > buffer.length) break;
    if (type === "IDAT") idat.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
    if (type === "IEND") {
      ended = true;
      break;
    }
  }
  if (!ended || idat.length === 0) throw new PdfRejectedError(NOT_A_PNG);
  const bitDepth = buffer[24]!;
  const channels = CHANNELS[buffer[25]!];
  const interlaced = buffer[28] === 1;
  if (!channels) throw new PdfRejectedError(NOT_A_PNG);
  const expected = interlaced ? null : height * (1 + Math.ceil((width * channels * bitDepth) / 8));
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected ?? MAX_PIXELS * 8 + MAX_SIDE * 7 });
  } catch {
    throw new PdfRejectedError(NOT_A_PNG);
  }
  if (expected !== null && raw.length !== expected) throw new PdfRejectedError(NOT_A_PNG);
}

/**
 * Checks, when a signer submits a drawn signature, that the PNG decodes and can be placed in a PDF,
 * so that completing the document cannot fail on it later. Throws PdfRejectedError.
 */
export async function validateSignaturePng(bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const size = pngSize(bytes);
  checkImageData(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), size.width, size.height);
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
