import { describe, expect, it } from "vitest";
import { dayBound, payoutsCsvFileName } from "./csvExport";

describe("the payouts CSV export", () => {
  it("names the file after the days it covers", () => {
    expect(payoutsCsvFileName("2026-11-01", "2026-11-30")).toBe("affiliate-payouts-2026-11-01-to-2026-11-30.csv");
    expect(payoutsCsvFileName("2026-11-01", "")).toBe("affiliate-payouts-from-2026-11-01.csv");
    expect(payoutsCsvFileName("", "2026-11-30")).toBe("affiliate-payouts-to-2026-11-30.csv");
    expect(payoutsCsvFileName("", "", "2026-12-06")).toBe("affiliate-payouts-2026-12-06.csv");
  });

  it("includes the whole of the first and last day", () => {
    expect(dayBound("2026-11-01", false)).toBe("2026-11-01T00:00:00.000Z");
    expect(dayBound("2026-11-30", true)).toBe("2026-11-30T23:59:59.999Z");
    expect(dayBound("", true)).toBeNull();
  });
});
