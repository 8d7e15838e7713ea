import { describe, expect, it } from "vitest";
import { computeTotals, lineTotal, roundHalfUp } from "./totals";

describe("invoice totals in the editor", () => {
  it("adds up quantity × unit price per line, in minor units", () => {
    expect(lineTotal({ quantity: 3, unitPrice: 1250 })).toBe(3750);
    expect(
      computeTotals(
        [
          { quantity: 3, unitPrice: 1250 },
          { quantity: 1, unitPrice: 99 },
        ],
        null,
        null,
      ),
    ).toEqual({
      subtotal: 3849,
      discount: 0,
      tax: 0,
      total: 3849,
    });
  });

  it("is all zero for an invoice without lines", () => {
    expect(computeTotals([], 825, 500)).toEqual({ subtotal: 0, discount: 0, tax: 0, total: 0 });
  });

  it("takes the discount off before tax", () => {
    // 100.00 − 20.00 = 80.00, 10 % tax on that = 8.00.
    expect(computeTotals([{ quantity: 1, unitPrice: 10_000 }], 1000, 2000)).toEqual({
      subtotal: 10_000,
      discount: 2000,
      tax: 800,
      total: 8800,
    });
  });

  it("caps the discount at the subtotal, so the total never goes below zero", () => {
    expect(computeTotals([{ quantity: 2, unitPrice: 500 }], 825, 5000)).toEqual({ subtotal: 1000, discount: 1000, tax: 0, total: 0 });
  });

  it("rounds the tax half up, once for the whole invoice", () => {
    // 8.25 % of 1.10 = 0.09075 → 9 cents; of 2.00 = 0.165 → 17 cents (half up, not to even).
    expect(computeTotals([{ quantity: 1, unitPrice: 110 }], 825, null).tax).toBe(9);
    expect(computeTotals([{ quantity: 1, unitPrice: 200 }], 825, null).tax).toBe(17);
    // Ten lines of 1 cent: 8.25 % of 10 cents is 0.825 → 1 cent; rounding each line would give 10 × 0.
    expect(
      computeTotals(
        Array.from({ length: 10 }, () => ({ quantity: 1, unitPrice: 1 })),
        825,
        null,
      ).tax,
    ).toBe(1);
  });

  it("charges no tax without a rate or at a zero rate", () => {
    expect(computeTotals([{ quantity: 1, unitPrice: 999 }], null, null).tax).toBe(0);
    expect(computeTotals([{ quantity: 1, unitPrice: 999 }], 0, null).tax).toBe(0);
  });
});

describe("rounding half up", () => {
  it("rounds exact halves up and everything else to the nearest", () => {
    expect(roundHalfUp(5, 10)).toBe(1);
    expect(roundHalfUp(4, 10)).toBe(0);
    expect(roundHalfUp(15, 10)).toBe(2);
    expect(roundHalfUp(25, 10)).toBe(3);
    expect(roundHalfUp(0, 10_000)).toBe(0);
  });
});
