import { describe, expect, it } from "vitest";
import { addMonths, dayKey, describeWhen, groupSlotsByDay, isoWeekday, monthGrid, monthQueryRange } from "./time";

const slot = (startsAt: string, minutes = 30) => ({ startsAt, endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString() });

describe("appointment times", () => {
  it("groups slots by the day they start on in the client's zone, not in UTC", () => {
    const slots = [slot("2026-12-07T23:30:00Z"), slot("2026-12-07T09:00:00Z"), slot("2026-12-08T08:00:00Z")];
    // In Berlin (UTC+1 in winter) 23:30 UTC is already the 8th.
    expect(groupSlotsByDay(slots, "Europe/Berlin").map((day) => [day.day, day.slots.map((s) => s.startsAt)])).toEqual([
      ["2026-12-07", ["2026-12-07T09:00:00Z"]],
      ["2026-12-08", ["2026-12-07T23:30:00Z", "2026-12-08T08:00:00Z"]],
    ]);
    // In New York (UTC-5) 08:00 UTC on the 8th is still the 8th, 23:30 UTC on the 7th the 7th.
    expect(groupSlotsByDay(slots, "America/New_York").map((day) => [day.day, day.slots.length])).toEqual([
      ["2026-12-07", 2],
      ["2026-12-08", 1],
    ]);
  });

  it("keeps days right across a daylight-saving change", () => {
    // Berlin moves to summer time on 29 March 2026 at 01:00 UTC.
    expect(dayKey("2026-03-28T23:30:00Z", "Europe/Berlin")).toBe("2026-03-29");
    expect(dayKey("2026-03-29T22:30:00Z", "Europe/Berlin")).toBe("2026-03-30");
    expect(dayKey("2026-03-29T21:30:00Z", "Europe/Berlin")).toBe("2026-03-29");
  });

  it("names the zone with the time", () => {
    const text = describeWhen("2026-12-07T09:00:00Z", "2026-12-07T09:30:00Z", "Europe/Berlin", "en-GB");
    expect(text).toContain("10:00");
    expect(text).toContain("10:30");
    expect(text).toContain("Central European Standard Time");
    expect(text).toContain("Europe/Berlin");
  });

  it("lays a month out in weeks from Monday", () => {
    const weeks = monthGrid("2026-12");
    // 1 December 2026 is a Tuesday.
    expect(isoWeekday("2026-12-01")).toBe(2);
    expect(weeks[0]).toEqual([null, "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"]);
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
    expect(weeks.at(-1)).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", null, null, null]);
    expect(addMonths("2026-12", 1)).toBe("2027-01");
    expect(addMonths("2027-01", -1)).toBe("2026-12");
  });

  it("asks for a month of slots from now at the earliest, a day either side for any zone", () => {
    expect(monthQueryRange("2026-12", new Date("2026-12-10T12:00:00Z"))).toEqual({
      from: "2026-12-10T12:00:00.000Z",
      to: "2027-01-02T00:00:00.000Z",
    });
    expect(monthQueryRange("2027-01", new Date("2026-12-10T12:00:00Z")).from).toBe("2026-12-31T00:00:00.000Z");
  });
});
