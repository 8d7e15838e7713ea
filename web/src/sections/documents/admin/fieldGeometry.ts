/**
 * Field boxes as the server stores them: fractions (0–1) of the page's width and height from the
 * page's top-left corner. Sizes are chosen in PDF points so a signature box looks the same on a
 * letter page and on a wide landscape page.
 */
export type FieldKind = "SIGNATURE" | "INITIALS" | "DATE_SIGNED" | "TEXT";

export interface FieldBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageSize {
  number: number;
  /** PDF points. */
  width: number;
  height: number;
}

export const FIELD_KINDS: FieldKind[] = ["SIGNATURE", "INITIALS", "DATE_SIGNED", "TEXT"];

export const FIELD_KIND_LABELS: Record<FieldKind, string> = {
  SIGNATURE: "Signature",
  INITIALS: "Initials",
  DATE_SIGNED: "Date signed",
  TEXT: "Text",
};

/** Default box per kind, in PDF points (1/72 inch). */
const DEFAULT_POINTS: Record<FieldKind, { width: number; height: number }> = {
  SIGNATURE: { width: 180, height: 48 },
  INITIALS: { width: 64, height: 36 },
  DATE_SIGNED: { width: 110, height: 24 },
  TEXT: { width: 180, height: 24 },
};

export type SizePreset = "SMALL" | "MEDIUM" | "LARGE";
export const SIZE_PRESETS: { preset: SizePreset; label: string; factor: number }[] = [
  { preset: "SMALL", label: "Small", factor: 0.75 },
  { preset: "MEDIUM", label: "Medium", factor: 1 },
  { preset: "LARGE", label: "Large", factor: 1.5 },
];

/** The smallest box, as a fraction of the page: still visible and grabbable. */
export const MIN_SIZE = 0.02;

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds to 4 decimals: a tenth of a point on a letter page, and stable for dirty checks. */
export function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}

/** The kind's box at a size preset, as fractions of this page. */
export function presetSize(kind: FieldKind, page: PageSize, preset: SizePreset = "MEDIUM"): { width: number; height: number } {
  const factor = SIZE_PRESETS.find((p) => p.preset === preset)?.factor ?? 1;
  const points = DEFAULT_POINTS[kind];
  return {
    width: round(clamp((points.width * factor) / page.width, MIN_SIZE, 1)),
    height: round(clamp((points.height * factor) / page.height, MIN_SIZE, 1)),
  };
}

/** A new box of the kind's default size centred on the point (fractions), kept on the page. */
export function boxAt(kind: FieldKind, page: PageSize, pointX: number, pointY: number): FieldBox {
  const { width, height } = presetSize(kind, page);
  return keepOnPage({ page: page.number, x: pointX - width / 2, y: pointY - height / 2, width, height });
}

/** Moves/clips a box so it lies entirely on its page, with at least the minimum size. */
export function keepOnPage<T extends FieldBox>(box: T): T {
  const width = clamp(box.width, MIN_SIZE, 1);
  const height = clamp(box.height, MIN_SIZE, 1);
  return {
    ...box,
    width: round(width),
    height: round(height),
    x: round(clamp(box.x, 0, 1 - width)),
    y: round(clamp(box.y, 0, 1 - height)),
  };
}

/** The box moved by a delta (fractions), kept on the page. */
export function moveBy<T extends FieldBox>(box: T, dx: number, dy: number): T {
  return keepOnPage({ ...box, x: box.x + dx, y: box.y + dy });
}

/** The box with its bottom-right corner moved by a delta (fractions), top-left fixed. */
export function resizeBy<T extends FieldBox>(box: T, dw: number, dh: number): T {
  const width = clamp(box.width + dw, MIN_SIZE, 1 - box.x);
  const height = clamp(box.height + dh, MIN_SIZE, 1 - box.y);
  return keepOnPage({ ...box, width, height });
}

/** The preset size that matches the box, if any (for the size select). */
export function presetOf(kind: FieldKind, box: FieldBox, page: PageSize | undefined): SizePreset | "" {
  if (!page) return "";
  for (const { preset } of SIZE_PRESETS) {
    const size = presetSize(kind, page, preset);
    if (Math.abs(size.width - box.width) < 0.002 && Math.abs(size.height - box.height) < 0.002) return preset;
  }
  return "";
}

/** Percent (0–100, one decimal) for the keyboard position inputs. */
export function toPercent(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

export function fromPercent(percent: number): number {
  return round(percent / 100);
}
