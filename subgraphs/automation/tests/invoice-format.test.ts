import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatPaymentMethod } from "../src/invoices/format.js";

describe("invoice amounts and dates in emails", () => {
  it("reads integer minor units in each currency's own number of decimals", () => {
    expect(formatMoney(125000, "USD")).toBe("$1,250.00");
    expect(formatMoney(5, "eur")).toBe("€0.05");
    expect(formatMoney(5000, "JPY")).toBe("¥5,000");
    expect(formatMoney(1234, "KWD").replace(/\s/g, " ")).toBe("KWD 1.234");
  });

  it("shows calendar days and payment instants as UTC dates", () => {
    expect(formatDate("2026-03-01")).toBe("March 1, 2026");
    expect(formatDate("2026-03-14T23:30:00.000Z")).toBe("March 14, 2026");
    expect(formatDate(null)).toBe("");
  });

  it("names payment methods for people", () => {
    expect(formatPaymentMethod("bank_transfer")).toBe("Bank transfer");
    expect(formatPaymentMethod("test")).toBe("Test payment");
    expect(formatPaymentMethod("sepa_debit")).toBe("sepa_debit");
  });
});
