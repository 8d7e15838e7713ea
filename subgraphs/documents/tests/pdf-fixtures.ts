import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFNumber, StandardFonts, degrees } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * A two-page contract: page 1 is A4 portrait, page 2 is US Letter turned by /Rotate 90 (so it
 * displays landscape, 792 × 612).
 */
export async function makeSourcePdf(pageCount = 2): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < pageCount; index += 1) {
    const page = index === 1 ? pdf.addPage([612, 792]) : pdf.addPage([595.28, 841.89]);
    if (index === 1) page.setRotation(degrees(90));
    page.drawText(`Services agreement, page ${index + 1}`, { x: 50, y: page.getHeight() - 60, size: 14, font });
  }
  return pdf.save();
}

/**
 * A small file that lists `pageCount` pages by naming one page object that many times in the page
 * tree: about 6 bytes per page, so 20,000 pages fit in some 120 kB.
 */
export async function makeRepeatedPagePdf(pageCount: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595.28, 841.89]);
  const tree = pdf.catalog.Pages();
  tree.set(PDFName.of("Kids"), pdf.context.obj(Array.from({ length: pageCount }, () => page.ref)));
  tree.set(PDFName.of("Count"), PDFNumber.of(pageCount));
  return pdf.save({ useObjectStreams: false });
}

/** An RGBA PNG of the given size with a dark stroke across it, like a drawn signature. */
export function makePng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4); // filter byte 0, transparent pixels
    for (let x = 0; x < width; x += 1) {
      const onStroke = Math.abs(y - Math.round(height / 2 + (height / 4) * Math.sin((x / width) * 6))) <= 1;
      if (onStroke) row.set([20, 30, 90, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const run = promisify(execFile);

/** Poppler's `pdfsig` report for the file (stdout), e.g. "Signature Validation: Signature is Valid." */
export async function pdfsig(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "pdfsig-"));
  try {
    const file = join(dir, "document.pdf");
    await writeFile(file, bytes);
    const { stdout } = await run("/usr/bin/pdfsig", [file]);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The text of every page, whitespace collapsed. */
export async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " "));
}

/** The signed byte ranges written into the seal ([start1, length1, start2, length2]). */
export function byteRange(bytes: Uint8Array): number[] {
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(Buffer.from(bytes).toString("latin1"));
  if (!match) throw new Error("No /ByteRange in the file");
  return match.slice(1).map(Number);
}
