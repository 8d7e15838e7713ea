import { describe, expect, it } from "vitest";
import { chartColumns, everyDay } from "./chartSeries";

const day = (date: string, clicks = 0, referrals = 0, conversions = 0, earnings = 0) => ({
  date,
  clicks,
  referrals,
  conversions,
  earnings,
});

describe("the earnings chart's series", () => {
  it("fills the days the API left out with zeros, in calendar order", () => {
    const filled = everyDay([day("2026-12-03", 4), day("2026-12-01", 2, 1)]);
    expect(filled.map((entry) => entry.date)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
    expect(filled[1]).toEqual(day("2026-12-02"));
    expect(filled[2]?.clicks).toBe(4);
    expect(everyDay([])).toEqual([]);
  });

  it("crosses month ends and a daylight-saving change without a missing or doubled day", () => {
    const filled = everyDay([day("2026-10-24"), day("2026-11-02")]);
    expect(filled).toHaveLength(10);
    expect(filled.map((entry) => entry.date)).toContain("2026-10-25");
    expect(filled.map((entry) => entry.date)).toContain("2026-11-01");
  });

  it("gives uPlot Unix seconds and earnings in major units of the currency", () => {
    const [xs, clicks, referrals, conversions, earnings] = chartColumns([day("2026-12-01", 10, 3, 1, 1250), day("2026-12-02", 5)], "USD");
    expect(xs).toEqual([Date.UTC(2026, 11, 1) / 1000, Date.UTC(2026, 11, 2) / 1000]);
    expect(clicks).toEqual([10, 5]);
    expect(referrals).toEqual([3, 0]);
    expect(conversions).toEqual([1, 0]);
    expect(earnings).toEqual([12.5, 0]);
    // A currency without decimals is not divided.
    expect(chartColumns([day("2026-12-01", 0, 0, 0, 500)], "JPY")[4]).toEqual([500]);
  });
});
