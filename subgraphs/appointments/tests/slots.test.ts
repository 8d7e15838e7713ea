import { describe, expect, it } from "vitest";
import { computeFreeSlots, type HostSchedule, type SlotRules } from "../src/index.js";

const RULES: SlotRules = {
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  bookingWindowDays: 365,
};
const WEEKDAYS_9_TO_17 = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, intervals: [{ start: "09:00", end: "17:00" }] }));

const host = (timeZone: string, extra: Partial<HostSchedule> = {}): HostSchedule => ({
  staffId: "host-1",
  timeZone,
  weekly: WEEKDAYS_9_TO_17,
  overrides: new Map(),
  busy: [],
  ...extra,
});

const iso = (value: Date) => value.toISOString().replace(".000", "");
const day = (date: string) => ({ from: new Date(`${date}T00:00:00Z`), to: new Date(`${date}T23:59:59Z`) });

function slots(
  hosts: HostSchedule[],
  from: Date,
  to: Date,
  rules: Partial<SlotRules> = {},
  now = new Date("2026-01-01T00:00:00Z"),
  clientRules = true,
) {
  return computeFreeSlots({ rules: { ...RULES, ...rules }, hosts, from, to, now, clientRules });
}

describe("free slots", () => {
  it("follow the local hours across the spring and autumn transitions in Paris and New York", () => {
    const cases = [
      // Paris: CET (+1) until 29 March 2026, CEST (+2) after; back to CET on 25 October.
      { zone: "Europe/Paris", before: "2026-03-27", after: "2026-03-30", firstBefore: "08:00", firstAfter: "07:00" },
      { zone: "Europe/Paris", before: "2026-10-23", after: "2026-10-26", firstBefore: "07:00", firstAfter: "08:00" },
      // New York: EST (-5) until 8 March 2026, EDT (-4) after; back to EST on 1 November.
      { zone: "America/New_York", before: "2026-03-06", after: "2026-03-09", firstBefore: "14:00", firstAfter: "13:00" },
      { zone: "America/New_York", before: "2026-10-30", after: "2026-11-02", firstBefore: "13:00", firstAfter: "14:00" },
    ];
    for (const { zone, before, after, firstBefore, firstAfter } of cases) {
      const ahead = slots([host(zone)], day(before).from, day(before).to);
      const behind = slots([host(zone)], day(after).from, day(after).to);
      expect(ahead.map((slot) => iso(slot.startsAt))[0], `${zone} ${before}`).toBe(`${before}T${firstBefore}:00Z`);
      expect(behind.map((slot) => iso(slot.startsAt))[0], `${zone} ${after}`).toBe(`${after}T${firstAfter}:00Z`);
      // Eight one-hour slots on either side: the local day is unchanged.
      expect(ahead).toHaveLength(8);
      expect(behind).toHaveLength(8);
    }
  });

  it("count real hours on the night of a transition: a skipped hour offers nothing, a repeated one offers two", () => {
    const night = [{ weekday: 7, intervals: [{ start: "00:00", end: "04:00" }] }];
    const spring = slots([host("Europe/Paris", { weekly: night })], new Date("2026-03-28T12:00:00Z"), new Date("2026-03-29T12:00:00Z"));
    // 00:00, 01:00 CET then 03:00 CEST: 02:00 does not exist that night.
    expect(spring.map((slot) => iso(slot.startsAt))).toEqual(["2026-03-28T23:00:00Z", "2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z"]);
    const autumn = slots([host("America/New_York", { weekly: night })], new Date("2026-11-01T00:00:00Z"), new Date("2026-11-02T00:00:00Z"));
    // 00:00 to 04:00 local on 1 November is five real hours (01:00 happens twice).
    expect(autumn.map((slot) => iso(slot.startsAt))).toEqual([
      "2026-11-01T04:00:00Z",
      "2026-11-01T05:00:00Z",
      "2026-11-01T06:00:00Z",
      "2026-11-01T07:00:00Z",
      "2026-11-01T08:00:00Z",
    ]);
  });

  it("keep bookings and their buffers free", () => {
    const busy = [{ from: Date.parse("2026-06-01T11:00:00Z"), until: Date.parse("2026-06-01T12:00:00Z") }];
    const plain = slots([host("UTC", { busy })], day("2026-06-01").from, day("2026-06-01").to);
    expect(plain.map((slot) => iso(slot.startsAt).slice(11, 16))).toEqual(["09:00", "10:00", "12:00", "13:00", "14:00", "15:00", "16:00"]);
    const buffered = slots([host("UTC", { busy })], day("2026-06-01").from, day("2026-06-01").to, {
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 30,
    });
    // 10:00-11:00 + 30 min after reaches into the booking; 12:00 - 15 min before too.
    expect(buffered.map((slot) => iso(slot.startsAt).slice(11, 16))).toEqual(["09:00", "13:00", "14:00", "15:00", "16:00"]);
  });

  it("apply the minimum notice and the booking window to clients only", () => {
    const now = new Date("2026-06-01T10:30:00Z");
    const window = { from: new Date("2026-06-01T00:00:00Z"), to: new Date("2026-06-05T00:00:00Z") };
    const client = slots([host("UTC")], window.from, window.to, { minimumNoticeMinutes: 120, bookingWindowDays: 2 }, now);
    expect(iso(client[0]!.startsAt)).toBe("2026-06-01T13:00:00Z");
    expect(iso(client.at(-1)!.startsAt)).toBe("2026-06-03T10:00:00Z");
    const staff = slots([host("UTC")], window.from, window.to, { minimumNoticeMinutes: 120, bookingWindowDays: 2 }, now, false);
    expect(iso(staff[0]!.startsAt)).toBe("2026-06-01T09:00:00Z");
    expect(staff).toHaveLength(32);
  });

  it("take a date's override instead of the weekly hours (a day off, other hours) in the host's zone", () => {
    const overrides = new Map([
      ["2026-07-14", []],
      ["2026-07-15", [{ start: "18:00", end: "20:00" }]],
    ]);
    const result = slots([host("Europe/Paris", { overrides })], new Date("2026-07-14T00:00:00Z"), new Date("2026-07-16T00:00:00Z"));
    expect(result.map((slot) => iso(slot.startsAt))).toEqual(["2026-07-15T16:00:00Z", "2026-07-15T17:00:00Z"]);
  });

  it("offer a time when at least one host is free, naming the free hosts", () => {
    const busy = [{ from: Date.parse("2026-06-01T09:00:00Z"), until: Date.parse("2026-06-01T10:00:00Z") }];
    const a = host("UTC", { staffId: "a", busy });
    const b = host("UTC", {
      staffId: "b",
      busy: [...busy, { from: Date.parse("2026-06-01T10:00:00Z"), until: Date.parse("2026-06-01T11:00:00Z") }],
    });
    const result = slots([a, b], new Date("2026-06-01T09:00:00Z"), new Date("2026-06-01T12:00:00Z"));
    expect(result.map((slot) => [iso(slot.startsAt).slice(11, 16), slot.hostStaffIds])).toEqual([
      ["10:00", ["a"]],
      ["11:00", ["a", "b"]],
    ]);
  });
});
