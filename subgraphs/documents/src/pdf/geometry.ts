import type { PDFPage } from "pdf-lib";

/**
 * A page as a reader shows it: the visible box (CropBox within the MediaBox) turned by /Rotate.
 * `matrix` maps "display space" (origin at the displayed bottom-left corner, y up, in points) to
 * the page's own user space, so anything drawn through it appears upright where it was placed.
 */
export interface DisplayedPage {
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  matrix: [number, number, number, number, number, number];
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.x, b.x);
  const bottom = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const top = Math.min(a.y + a.height, b.y + b.height);
  if (right <= left || top <= bottom) return b;
  return { x: left, y: bottom, width: right - left, height: top - bottom };
}

/** /Rotate as one of 0, 90, 180, 270 (the value may be negative or beyond 360). */
export function normalizedRotation(angle: number): 0 | 90 | 180 | 270 {
  const quarter = Math.round((Number.isFinite(angle) ? angle : 0) / 90);
  return ((((quarter % 4) + 4) % 4) * 90) as 0 | 90 | 180 | 270;
}

/** Boxes are normalised because some writers store their corners in any order. */
function normalizedBox(box: Box): Box {
  const x = Math.min(box.x, box.x + box.width);
  const y = Math.min(box.y, box.y + box.height);
  return { x, y, width: Math.abs(box.width), height: Math.abs(box.height) };
}

export function displayedPage(page: PDFPage): DisplayedPage {
  const media = normalizedBox(page.getMediaBox());
  const box = intersect(normalizedBox(page.getCropBox()), media);
  const rotation = normalizedRotation(page.getRotation().angle);
  const { x, y, width: w, height: h } = box;
  switch (rotation) {
    case 90:
      return { width: h, height: w, rotation, matrix: [0, 1, -1, 0, x + w, y] };
    case 180:
      return { width: w, height: h, rotation, matrix: [-1, 0, 0, -1, x + w, y + h] };
    case 270:
      return { width: h, height: w, rotation, matrix: [0, -1, 1, 0, x, y + h] };
    default:
      return { width: w, height: h, rotation, matrix: [1, 0, 0, 1, x, y] };
  }
}

/** Points rounded to two decimals, as reported to clients. */
export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}
