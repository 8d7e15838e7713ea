import { describe, expect, it } from "vitest";
import { boxAt, fromPercent, keepOnPage, MIN_SIZE, moveBy, presetOf, presetSize, resizeBy, round, toPercent } from "./fieldGeometry";

/** US letter, portrait and landscape, in PDF points. */
const LETTER = { number: 1, width: 612, height: 792 };
const LANDSCAPE = { number: 2, width: 792, height: 612 };

describe("field boxes on a page", () => {
  it("sizes a kind's box in points, so it is the same size on any page", () => {
    // A signature is 180 × 48 points.
    expect(presetSize("SIGNATURE", LETTER)).toEqual({ width: round(180 / 612), height: round(48 / 792) });
    expect(presetSize("SIGNATURE", LANDSCAPE)).toEqual({ width: round(180 / 792), height: round(48 / 612) });
    expect(presetSize("SIGNATURE", LETTER, "LARGE").width).toBe(round((180 * 1.5) / 612));
  });

  it("never makes a box bigger than its page or smaller than the minimum", () => {
    const tiny = { number: 1, width: 100, height: 20 };
    expect(presetSize("TEXT", tiny)).toEqual({ width: 1, height: 1 });
    const huge = { number: 1, width: 100_000, height: 100_000 };
    expect(presetSize("INITIALS", huge)).toEqual({ width: MIN_SIZE, height: MIN_SIZE });
  });

  it("centres a new box on the point dropped, and keeps it on the page near an edge", () => {
    const centred = boxAt("SIGNATURE", LETTER, 0.5, 0.5);
    expect(centred.page).toBe(1);
    expect(centred.x).toBeCloseTo(0.5 - centred.width / 2, 4);
    expect(centred.y).toBeCloseTo(0.5 - centred.height / 2, 4);

    const corner = boxAt("SIGNATURE", LETTER, 0.99, 0.99);
    expect(corner.x + corner.width).toBeLessThanOrEqual(1);
    expect(corner.y + corner.height).toBeLessThanOrEqual(1);
    expect(boxAt("SIGNATURE", LETTER, 0, 0)).toMatchObject({ x: 0, y: 0 });
  });

  it("clamps a box that hangs off the page back onto it, keeping its other fields", () => {
    const box = keepOnPage({ page: 3, x: 0.9, y: -0.2, width: 0.3, height: 0.005, key: "f1" });
    expect(box).toEqual({ page: 3, x: 0.7, y: 0, width: 0.3, height: MIN_SIZE, key: "f1" });
    expect(keepOnPage({ page: 1, x: 0, y: 0, width: 2, height: 2 })).toEqual({ page: 1, x: 0, y: 0, width: 1, height: 1 });
  });

  it("moves a box by a delta and stops it at the page's edges", () => {
    const box = { page: 1, x: 0.1, y: 0.1, width: 0.2, height: 0.1 };
    expect(moveBy(box, 0.05, 0.1)).toEqual({ ...box, x: 0.15, y: 0.2 });
    expect(moveBy(box, 5, -5)).toEqual({ ...box, x: 0.8, y: 0 });
  });

  it("resizes from the bottom-right corner, no further than the page and no smaller than the minimum", () => {
    const box = { page: 1, x: 0.6, y: 0.5, width: 0.2, height: 0.1 };
    expect(resizeBy(box, 0.1, 0.05)).toEqual({ ...box, width: 0.3, height: 0.15 });
    expect(resizeBy(box, 1, 1)).toEqual({ ...box, width: 0.4, height: 0.5 });
    expect(resizeBy(box, -1, -1)).toEqual({ ...box, width: MIN_SIZE, height: MIN_SIZE });
  });

  it("recognises the preset a box has, and none once it was resized by hand or without a page", () => {
    const large = { page: 1, x: 0, y: 0, ...presetSize("DATE_SIGNED", LETTER, "LARGE") };
    expect(presetOf("DATE_SIGNED", large, LETTER)).toBe("LARGE");
    expect(presetOf("DATE_SIGNED", { ...large, width: large.width + 0.05 }, LETTER)).toBe("");
    expect(presetOf("DATE_SIGNED", large, undefined)).toBe("");
  });

  it("shows positions as percent with one decimal and reads them back as fractions", () => {
    expect(toPercent(0.12345)).toBe(12.3);
    expect(toPercent(0.00049)).toBe(0);
    expect(fromPercent(12.3)).toBe(0.123);
    expect(fromPercent(100)).toBe(1);
    expect(round(1 / 3)).toBe(0.3333);
  });
});
