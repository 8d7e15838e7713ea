import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatDateTime } from "../src/pdf/dates.js";
import { formatBasisPoints, formatMoney, formatQuantity, minorUnitDigits } from "../src/pdf/money.js";

// Intl separates some symbols with a no-break space; compare what a reader sees.
const plain = (text: string) => text.replace(/\s/g, " ");

describe("formatMoney", () => {
  it("formats two-decimal currencies from minor units", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(0, "EUR")).toBe("€0.00");
  });

  it("shows no decimals for zero-decimal currencies", () => {
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(formatMoney(120000, "JPY")).toBe("¥120,000");
  });

  it("shows three decimals for three-decimal currencies", () => {
    expect(minorUnitDigits("KWD")).toBe(3);
    expect(plain(formatMoney(1234, "KWD"))).toBe("KWD 1.234");
  });

  it("formats negative amounts such as discounts and refunds", () => {
    expect(formatMoney(-5000, "USD")).toBe("-$50.00");
  });

  it("accepts lower-case codes and other locales", () => {
    expect(formatMoney(999, "usd")).toBe("$9.99");
    expect(plain(formatMoney(123456, "EUR", "de-DE"))).toBe("1.234,56 €");
  });

  it("refuses amounts that are not whole minor units", () => {
    expect(() => formatMoney(10.5, "USD")).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, "USD")).toThrow(RangeError);
  });
});

describe("rates, quantities and dates", () => {
  it("formats basis points as a percentage", () => {
    expect(formatBasisPoints(825)).toBe("8.25%");
    expect(formatBasisPoints(2000)).toBe("20%");
    expect(formatBasisPoints(5)).toBe("0.05%");
  });

  it("formats quantities without trailing zeros", () => {
    expect(formatQuantity(2)).toBe("2");
    expect(formatQuantity(1.5)).toBe("1.5");
  });

  it("formats dates in the given zone, not the server's", () => {
    const lateEvening = new Date("2026-11-10T23:30:00Z");
    expect(formatDate(lateEvening)).toBe("Nov 10, 2026");
    expect(formatDate(lateEvening, "en-US", "Asia/Tokyo")).toBe("Nov 11, 2026");
    expect(plain(formatDateTime(lateEvening))).toBe("Nov 10, 2026, 11:30 PM UTC");
  });

  it("formats issue and due dates as days, whatever the zone", () => {
    expect(formatCalendarDate("2026-11-01")).toBe("Nov 1, 2026");
    expect(formatCalendarDate(new Date("2026-11-01T00:00:00Z"))).toBe("Nov 1, 2026");
    expect(() => formatCalendarDate("someday")).toThrow(RangeError);
  });
});
