import { describe, expect, it } from "vitest";
import { intervalsProblem, weekDraftOf, weeklyInput } from "./availabilityDraft";

describe("weekly hours in the availability form", () => {
  it("round-trips the API's weekly hours, days off left out", () => {
    const weekly = [
      {
        weekday: 1,
        intervals: [
          { start: "09:00", end: "12:00" },
          { start: "13:00", end: "17:00" },
        ],
      },
      { weekday: 5, intervals: [{ start: "10:00", end: "14:00" }] },
    ];
    const week = weekDraftOf(weekly);
    expect(week).toHaveLength(7);
    expect(week[1]).toEqual([]);
    expect(weeklyInput(week)).toEqual(weekly);
  });

  it("shows a day's end at midnight as 00:00 and sends it back as 24:00", () => {
    const week = weekDraftOf([{ weekday: 3, intervals: [{ start: "18:00", end: "24:00" }] }]);
    expect(week[2]).toEqual([{ start: "18:00", end: "00:00" }]);
    expect(intervalsProblem(week[2]!)).toBeNull();
    expect(weeklyInput(week)).toEqual([{ weekday: 3, intervals: [{ start: "18:00", end: "24:00" }] }]);
  });

  it("sorts a day's intervals and refuses overlaps and backwards hours", () => {
    expect(
      weeklyInput(
        weekDraftOf([
          {
            weekday: 2,
            intervals: [
              { start: "14:00", end: "15:00" },
              { start: "08:00", end: "09:00" },
            ],
          },
        ]),
      ),
    ).toEqual([
      {
        weekday: 2,
        intervals: [
          { start: "08:00", end: "09:00" },
          { start: "14:00", end: "15:00" },
        ],
      },
    ]);
    expect(
      intervalsProblem([
        { start: "09:00", end: "12:00" },
        { start: "11:00", end: "13:00" },
      ]),
    ).toBe("09:00–12:00 overlaps 11:00–13:00.");
    expect(intervalsProblem([{ start: "12:00", end: "09:00" }])).toBe("12:00–09:00: the end must be after the start.");
    expect(
      intervalsProblem([
        { start: "09:00", end: "12:00" },
        { start: "12:00", end: "13:00" },
      ]),
    ).toBeNull();
  });
});
