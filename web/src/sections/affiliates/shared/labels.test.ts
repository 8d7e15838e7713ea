import { describe, expect, it } from "vitest";
import { commissionWhen, programmeTerms } from "./labels";
import { formatMoney } from "./money";

const PERCENTAGE = {
  commissionType: "PERCENTAGE" as const,
  commissionBasisPoints: 2000,
  fixedAmount: 0,
  fixedCurrency: "USD",
  recurringMonths: null,
  attributionWindowDays: 30,
  holdDays: 30,
  minimumPayout: 5000,
};

describe("the programme's terms in words", () => {
  it("states a percentage on the first payment, the window, the hold and the minimum", () => {
    expect(programmeTerms(PERCENTAGE)).toEqual([
      "You earn 20% of what they pay, on their first payment only, for each client you refer.",
      "A referral counts when they first pay within 30 days of signing up through your link.",
      "Commissions become payable 30 days after the payment they come from.",
      `Payouts are made once you are owed at least ${formatMoney(5000, "USD")}.`,
    ]);
  });

  it("states a fixed amount, recurring months and no hold", () => {
    const lines = programmeTerms(
      {
        ...PERCENTAGE,
        commissionType: "FIXED",
        fixedAmount: 2500,
        fixedCurrency: "EUR",
        recurringMonths: 12,
        holdDays: 0,
        attributionWindowDays: 1,
      },
      "EUR",
    );
    expect(lines[0]).toBe(
      `You earn ${formatMoney(2500, "EUR")} per paid invoice, on every payment in the 12 months after their first, for each client you refer.`,
    );
    expect(lines[1]).toContain("within 1 day of");
    expect(lines[2]).toBe("Commissions can be paid out as soon as they are earned.");
    expect(lines[3]).toContain(formatMoney(5000, "EUR"));
  });
});

describe("when a commission is paid", () => {
  const base = { payableAt: "2027-01-05T10:00:00Z", approvedAt: null, paidAt: null, cancelReason: null };

  it("gives the day a pending commission becomes payable, and the day it was paid", () => {
    expect(commissionWhen({ ...base, status: "PENDING" }, "en-GB")).toBe("Payable from 5 Jan 2027");
    expect(commissionWhen({ ...base, status: "APPROVED", approvedAt: "2026-12-20T10:00:00Z" }, "en-GB")).toBe("Payable since 20 Dec 2026");
    expect(commissionWhen({ ...base, status: "PAID", paidAt: "2027-01-10T10:00:00Z" }, "en-GB")).toBe("Paid 10 Jan 2027");
  });

  it("says why a commission was cancelled", () => {
    expect(commissionWhen({ ...base, status: "CANCELLED", cancelReason: "Refunded" })).toBe("Cancelled: Refunded");
    expect(commissionWhen({ ...base, status: "CANCELLED" })).toBe("Cancelled");
  });
});
