import { DateTime, IANAZone } from "luxon";
import type { StoredInterval, StoredWeekday } from "./availability.entity.js";

/** What a type asks of a slot. */
export interface SlotRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Clients only: how long before its start a slot may still be booked. */
  minimumNoticeMinutes: number;
  /** Clients only: how many days ahead a slot may be booked. */
  bookingWindowDays: number;
}

/** A host's hours and the time their bookings already block (buffers included). */
export interface HostSchedule {
  staffId: string;
  timeZone: string;
  weekly: StoredWeekday[];
  /** "YYYY-MM-DD" → that day's intervals (empty: day off), replacing the weekly hours. */
  overrides: ReadonlyMap<string, StoredInterval[]>;
  /** Blocked ranges of the host's live bookings, in milliseconds since the epoch. */
  busy: { from: number; until: number }[];
}

export interface SlotQuery {
  rules: SlotRules;
  hosts: HostSchedule[];
  /** Slots starting in [from, to). */
  from: Date;
  to: Date;
  now: Date;
  /** Apply the minimum notice and the booking window (clients); staff may book any free time. */
  clientRules: boolean;
}

export interface FreeSlot {
  startsAt: Date;
  endsAt: Date;
  /** The hosts free for it, in the type's order. */
  hostStaffIds: string[];
}

/** Slots start at each interval's start and then every duration, at most an hour apart. */
export const slotStepMinutes = (durationMinutes: number) => Math.min(durationMinutes, 60);

export const isTimeZone = (zone: string): boolean => zone.length <= 64 && IANAZone.isValidZone(zone);

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of "HH:MM" ("24:00" = 1440), or null when malformed. */
export function minutesOf(time: string): number | null {
  const match = TIME.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 1440 ? minutes : null;
}

/**
 * The instant a local wall-clock time names in a zone, by luxon: a time skipped by a spring
 * transition moves forward by the gap, an hour repeated in autumn is its first occurrence.
 */
function localInstant(day: DateTime, minutes: number): number {
  if (minutes >= 1440) return day.plus({ days: 1 }).startOf("day").toMillis();
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 }).toMillis();
}

/** Real intervals (ms) a host is available in [from, to), from their weekly hours and overrides, local day by local day. */
export function availableRanges(host: HostSchedule, from: Date, to: Date): { from: number; until: number }[] {
  const ranges: { from: number; until: number }[] = [];
  const weekly = new Map(host.weekly.map((day) => [day.weekday, day.intervals]));
  let day = DateTime.fromJSDate(from, { zone: host.timeZone }).startOf("day").minus({ days: 1 });
  const last = DateTime.fromJSDate(to, { zone: host.timeZone }).startOf("day");
  for (; day <= last; day = day.plus({ days: 1 }).startOf("day")) {
    const intervals = host.overrides.get(day.toISODate()!) ?? weekly.get(day.weekday) ?? [];
    for (const interval of intervals) {
      const start = minutesOf(interval.start);
      const end = minutesOf(interval.end);
      if (start === null || end === null || end <= start) continue;
      const range = { from: localInstant(day, start), until: localInstant(day, end) };
      if (range.until > range.from && range.until > from.getTime() - 86_400_000 && range.from < to.getTime() + 86_400_000)
        ranges.push(range);
    }
  }
  return ranges.sort((a, b) => a.from - b.from);
}

/** Whether [from, until) touches any busy range (sorted by start). */
function overlapsBusy(busy: { from: number; until: number }[], from: number, until: number): boolean {
  // The first busy range ending after `from`; the busy list is sorted by start and ranges of one host never overlap.
  let low = 0;
  let high = busy.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (busy[mid]!.until <= from) low = mid + 1;
    else high = mid;
  }
  for (let index = low; index < busy.length; index++) {
    const range = busy[index]!;
    if (range.from >= until) return false;
    if (range.until > from) return true;
  }
  return false;
}

/**
 * Free slots of a type: for each host, starts within their available hours (the appointment itself
 * inside the hours), stepping from each interval's start; a start is free when the appointment with
 * its buffers overlaps none of the host's bookings with theirs. A slot is offered when at least one
 * host is free. Clients also get the minimum notice and the booking window. Pure, for the bench.
 */
export function computeFreeSlots(query: SlotQuery): FreeSlot[] {
  const { rules } = query;
  const duration = rules.durationMinutes * 60_000;
  const step = slotStepMinutes(rules.durationMinutes) * 60_000;
  const before = rules.bufferBeforeMinutes * 60_000;
  const after = rules.bufferAfterMinutes * 60_000;
  let earliest = query.from.getTime();
  let latest = query.to.getTime();
  if (query.clientRules) {
    earliest = Math.max(earliest, query.now.getTime() + rules.minimumNoticeMinutes * 60_000);
    latest = Math.min(latest, query.now.getTime() + rules.bookingWindowDays * 86_400_000 + 1);
  }
  const byStart = new Map<number, string[]>();
  for (const host of query.hosts) {
    if (!isTimeZone(host.timeZone)) continue;
    const busy = [...host.busy].sort((a, b) => a.from - b.from);
    for (const range of availableRanges(host, query.from, query.to)) {
      for (let start = range.from; start + duration <= range.until; start += step) {
        if (start < earliest) continue;
        if (start >= latest) break;
        if (overlapsBusy(busy, start - before, start + duration + after)) continue;
        const hosts = byStart.get(start);
        if (hosts) {
          if (!hosts.includes(host.staffId)) hosts.push(host.staffId);
        } else byStart.set(start, [host.staffId]);
      }
    }
  }
  const order = new Map(query.hosts.map((host, index) => [host.staffId, index]));
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([start, hosts]) => ({
      startsAt: new Date(start),
      endsAt: new Date(start + duration),
      hostStaffIds: hosts.sort((a, b) => order.get(a)! - order.get(b)!),
    }));
}
