import type { PDFFont } from "pdf-lib";

/** Breaks text into lines no wider than `maxWidth`; words longer than a line are split. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (value: string) => font.widthOfTextAtSize(value, size);
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      const candidate = line ? `${line} ${word}` : word;
      if (width(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      // A single word wider than the line (a user agent, a long address) is cut by characters.
      let rest = word;
      while (width(rest) > maxWidth) {
        const chars = Array.from(rest);
        let count = 1;
        while (count < chars.length && width(chars.slice(0, count + 1).join("")) <= maxWidth) count += 1;
        lines.push(chars.slice(0, count).join(""));
        rest = chars.slice(count).join("");
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Font metrics at a size: ascent above and descent below the baseline (both positive). */
export function metrics(font: PDFFont, size: number): { ascent: number; descent: number } {
  const ascent = font.heightAtSize(size, { descender: false });
  return { ascent, descent: Math.max(0, font.heightAtSize(size) - ascent) };
}

export interface FittedText {
  size: number;
  lines: string[];
  lineHeight: number;
}

const LINE_HEIGHT = 1.2;

/**
 * The largest size (between `minSize` and `maxSize`) at which the wrapped text fits the box. If it
 * does not fit even at `minSize`, the lines that fit are kept and the last one ends with "…".
 */
export function fitText(text: string, font: PDFFont, width: number, height: number, maxSize: number, minSize: number): FittedText {
  const top = Math.max(minSize, Math.min(maxSize, height / LINE_HEIGHT));
  for (let size = top; size >= minSize; size -= 0.5) {
    const lines = wrapText(text, font, size, width);
    if (lines.length * size * LINE_HEIGHT <= height + 0.01) return { size, lines, lineHeight: size * LINE_HEIGHT };
  }
  const size = minSize;
  const lineHeight = size * LINE_HEIGHT;
  const lines = wrapText(text, font, size, width);
  const room = Math.max(1, Math.floor(height / lineHeight));
  if (lines.length <= room) return { size, lines, lineHeight };
  const kept = lines.slice(0, room);
  let last = kept[room - 1] ?? "";
  while (last && font.widthOfTextAtSize(`${last}…`, size) > width) last = Array.from(last).slice(0, -1).join("");
  kept[room - 1] = `${last}…`;
  return { size, lines: kept, lineHeight };
}
