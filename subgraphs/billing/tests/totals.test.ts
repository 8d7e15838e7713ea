import { describe, expect, it } from "vitest";
import { amountDue, computeTotals, roundHalfUp } from "../src/invoices/totals.js";

describe("invoice totals in minor units", () => {
  it("adds lines, takes the discount off before tax", () => {
    const totals = computeTotals(
      [
        { quantity: 2, unitPrice: 5000 },
        { quantity: 1, unitPrice: 2500 },
      ],
      1000,
      500,
    );
    expect(totals).toEqual({ subtotal: 12500, discount: 500, tax: 1200, total: 13200 });
  });

  it("rounds tax half up to a whole minor unit, once per invoice", () => {
    // 8.25 % of 1999 = 164.9175 → 165; of 200 = 16.5 → 17; of 1 = 0.0825 → 0
    expect(computeTotals([{ quantity: 1, unitPrice: 1999 }], 825, null).tax).toBe(165);
    expect(computeTotals([{ quantity: 1, unitPrice: 200 }], 825, null).tax).toBe(17);
    expect(computeTotals([{ quantity: 1, unitPrice: 1 }], 825, null).tax).toBe(0);
    // three lines of 333 at 5 %: 49.95 → 50 on the sum, not 3 × 16.65 rounded separately (51)
    expect(
      computeTotals(
        [1, 2, 3].map(() => ({ quantity: 1, unitPrice: 333 })),
        500,
        null,
      ).tax,
    ).toBe(50);
  });

  it("never discounts below zero and handles no tax", () => {
    expect(computeTotals([{ quantity: 1, unitPrice: 100 }], null, 500)).toEqual({ subtotal: 100, discount: 100, tax: 0, total: 0 });
    expect(computeTotals([], null, null)).toEqual({ subtotal: 0, discount: 0, tax: 0, total: 0 });
  });

  it("rounds exactly halves up and the rest to nearest", () => {
    expect([roundHalfUp(5, 10), roundHalfUp(4, 10), roundHalfUp(15, 10), roundHalfUp(14999, 10_000)]).toEqual([1, 0, 2, 1]);
  });

  it("owes only on open invoices", () => {
    expect(amountDue("open", 1000, 300)).toBe(700);
    expect(amountDue("paid", 1000, 1000)).toBe(0);
    expect(amountDue("draft", 1000, 0)).toBe(0);
  });
});
