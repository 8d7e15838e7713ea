import { describe, expect, it } from "vitest";
import { draftFrom, inputFrom, type ProgrammeLike } from "./programmeDraft";

const PROGRAMME: ProgrammeLike = {
  enabled: true,
  commissionType: "PERCENTAGE",
  commissionBasisPoints: 2000,
  fixedAmount: 0,
  fixedCurrency: "USD",
  recurringMonths: null,
  attributionWindowDays: 30,
  holdDays: 30,
  minimumPayout: 5000,
  allowedLandingUrls: ["https://shop.example.com/spring"],
};

describe("the programme settings form", () => {
  it("round-trips the saved settings", () => {
    const draft = draftFrom(PROGRAMME);
    expect(draft.percent).toBe("20");
    expect(draft.minimumPayout).toBe("50.00");
    expect(draft.recurring).toBe(false);
    // The API reads 0 months as "the first payment only".
    expect(inputFrom(draft)).toEqual({ input: { ...PROGRAMME, recurringMonths: 0 } });
  });

  it("turns a decimal percentage into basis points and a fixed amount into minor units", () => {
    const percentage = inputFrom({ ...draftFrom(PROGRAMME), percent: "12.5" });
    expect("input" in percentage && percentage.input.commissionBasisPoints).toBe(1250);
    const fixed = inputFrom({
      ...draftFrom(PROGRAMME),
      commissionType: "FIXED",
      fixedAmount: "25",
      fixedCurrency: "eur",
      recurring: true,
      recurringMonths: "6",
    });
    expect("input" in fixed && fixed.input).toMatchObject({
      commissionBasisPoints: 2000,
      fixedAmount: 2500,
      fixedCurrency: "EUR",
      recurringMonths: 6,
    });
  });

  it("names the field that is wrong", () => {
    const wrong = (change: Partial<ReturnType<typeof draftFrom>>) => {
      const result = inputFrom({ ...draftFrom(PROGRAMME), ...change });
      return "problem" in result ? result.problem.field : null;
    };
    expect(wrong({ percent: "101" })).toBe("commissionBasisPoints");
    expect(wrong({ percent: "12.345" })).toBe("commissionBasisPoints");
    expect(wrong({ attributionWindowDays: "0" })).toBe("attributionWindowDays");
    expect(wrong({ holdDays: "366" })).toBe("holdDays");
    expect(wrong({ recurring: true, recurringMonths: "" })).toBe("recurringMonths");
    expect(wrong({ minimumPayout: "-5" })).toBe("minimumPayout");
    expect(wrong({ fixedCurrency: "dollars" })).toBe("fixedCurrency");
    expect(wrong({ allowedLandingUrls: "https://ok.example.com\njavascript:alert(1)" })).toBe("allowedLandingUrls");
    expect(wrong({ allowedLandingUrls: "https://user:secret@example.com/" })).toBe("allowedLandingUrls");
    expect(wrong({ allowedLandingUrls: "shop.example.com" })).toBe("allowedLandingUrls");
  });
});
