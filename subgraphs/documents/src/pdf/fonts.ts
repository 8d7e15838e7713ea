import fontkit from "@pdf-lib/fontkit";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { PDFDocument, PDFFont } from "pdf-lib";

/**
 * DejaVu fonts embedded (as subsets) into stamped and certificate pages: the PDF standard fonts only
 * cover WinAnsi, and names, field values and user agents can be in any script.
 */

const require = createRequire(import.meta.url);

const FILES = {
  sans: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  mono: "DejaVuSansMono.ttf",
  /** Typed signatures and initials: an italic serif reads as handwriting more than an upright sans. */
  script: "DejaVuSerif-Italic.ttf",
} as const;

export type FontRole = keyof typeof FILES;

const bytesCache = new Map<FontRole, Buffer>();

function fontBytes(role: FontRole): Buffer {
  let bytes = bytesCache.get(role);
  if (!bytes) {
    bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[role]}`));
    bytesCache.set(role, bytes);
  }
  return bytes;
}

/** Embeds each font into one document on first use, so unused fonts add nothing to the file. */
export class DocumentFonts {
  private readonly embedded = new Map<FontRole, Promise<PDFFont>>();

  constructor(private readonly pdf: PDFDocument) {
    pdf.registerFontkit(fontkit);
  }

  get(role: FontRole): Promise<PDFFont> {
    let font = this.embedded.get(role);
    if (!font) {
      font = this.pdf.embedFont(fontBytes(role), { subset: true });
      this.embedded.set(role, font);
    }
    return font;
  }
}

/** Removes control characters (fonts have no glyph for them); tabs become spaces, newlines stay. */
export function printable(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g, "");
}
