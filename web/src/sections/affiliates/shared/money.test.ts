import { describe, expect, it } from "vitest";
import { formatAmounts, formatBasisPoints, formatMoney, formatRate, mainCurrency } from "./money";

describe("affiliate money and rates", () => {
  it("lists amounts per currency and leaves out empty ones", () => {
    expect(formatAmounts([{ amount: 1200, currency: "USD" }])).toBe(formatMoney(1200, "USD"));
    expect(
      formatAmounts([
        { amount: 1200, currency: "USD" },
        { amount: 0, currency: "EUR" },
        { amount: 500, currency: "JPY" },
      ]),
    ).toBe(`${formatMoney(1200, "USD")} + ${formatMoney(500, "JPY")}`);
    expect(formatAmounts([])).toBe("—");
    expect(formatAmounts(null, "Nothing yet")).toBe("Nothing yet");
  });

  it("shows commission percentages and conversion rates as people read them", () => {
    expect(formatBasisPoints(2000)).toBe("20%");
    expect(formatBasisPoints(1250)).toBe("12.5%");
    expect(formatBasisPoints(5)).toBe("0.05%");
    expect(formatRate(0)).toBe("0%");
    expect(formatRate(0.25)).toBe("25%");
    expect(formatRate(1 / 3)).toBe("33.3%");
    expect(formatRate(Number.NaN)).toBe("0%");
  });

  it("charts earnings in the currency earned most in, else the programme's", () => {
    expect(
      mainCurrency(
        [
          { amount: 100, currency: "EUR" },
          { amount: 900, currency: "USD" },
        ],
        "GBP",
      ),
    ).toBe("USD");
    expect(mainCurrency([], "GBP")).toBe("GBP");
    expect(mainCurrency([], "")).toBe("USD");
  });
});
