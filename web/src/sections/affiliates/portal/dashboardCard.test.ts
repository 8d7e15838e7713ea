import { describe, expect, it } from "vitest";
import { formatMoney } from "../shared/money";
import { affiliateCardLines } from "./dashboardCard";

describe("the Affiliates dashboard card", () => {
  it("is hidden for clients who are not affiliates, and when affiliates cannot answer", () => {
    expect(affiliateCardLines(null)).toBeNull();
    expect(affiliateCardLines(undefined)).toBeNull();
    expect(affiliateCardLines({ isAffiliate: false, pending: [], approved: [], referrals: 0 })).toBeNull();
  });

  it("shows an affiliate's pending and approved earnings and how many they referred", () => {
    const lines = affiliateCardLines({
      isAffiliate: true,
      pending: [{ amount: 2000, currency: "USD" }],
      approved: [{ amount: 750, currency: "USD" }],
      referrals: 3,
    });
    expect(lines).toEqual([`Pending: ${formatMoney(2000, "USD")}`, `Approved: ${formatMoney(750, "USD")}`, "3 clients referred"]);
  });

  it("is shown to a new affiliate with nothing earned yet", () => {
    expect(affiliateCardLines({ isAffiliate: true, pending: [], approved: [], referrals: 1 })).toEqual([
      "Pending: nothing yet",
      "Approved: nothing yet",
      "1 client referred",
    ]);
  });
});
