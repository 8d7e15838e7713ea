/**
 * Times for appointments, always in a named IANA time zone (the browser's for a client, the staff
 * member's or the browser's in the console). Only Intl does zone work here: no offsets by hand.
 */

/** The browser's IANA time zone, e.g. "Europe/Berlin"; UTC when the browser cannot say. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

const keyFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day ("2026-12-07") an instant falls on in a time zone. */
export function dayKey(iso: string | Date, timeZone: string): string {
  let format = keyFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    keyFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(typeof iso === "string" ? new Date(iso) : iso);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export interface SlotLike {
  startsAt: string;
  endsAt: string;
}

export interface SlotDay<T extends SlotLike> {
  /** "2026-12-07" in the zone. */
  day: string;
  slots: T[];
}

/** Slots grouped by the day they start on in the zone, days and slots in time order. */
export function groupSlotsByDay<T extends SlotLike>(slots: readonly T[], timeZone: string): SlotDay<T>[] {
  const days = new Map<string, T[]>();
  for (const slot of [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const key = dayKey(slot.startsAt, timeZone);
    const list = days.get(key);
    if (list) list.push(slot);
    else days.set(key, [slot]);
  }
  return [...days].map(([day, list]) => ({ day, slots: list }));
}

/** A day key's date at noon UTC: for calendar arithmetic and naming the day (never for instants). */
function dayDate(day: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(Date.UTC(year!, month! - 1, date!, 12));
}

/** "Monday, 7 December 2026" for a day key. */
export function formatDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
    dayDate(day),
  );
}

/** "Mon 7 Dec" for a day key. */
export function formatShortDay(day: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(dayDate(day));
}

/** "December 2026" for a month ("2026-12"). */
export function formatMonth(month: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" }).format(dayDate(`${month}-01`));
}

/** "10:30" (or "10:30 AM") in the zone. */
export function formatTime(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}

/** "Monday, 7 December 2026 at 10:30" in the zone. */
export function formatDateTimeIn(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "full", timeStyle: "short" }).format(new Date(iso));
}

/** "Mon 7 Dec, 10:30" in the zone. */
export function formatShortDateTimeIn(iso: string, timeZone: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** The zone's name as people read it at that instant, e.g. "Central European Standard Time". */
export function zoneName(timeZone: string, at: string | Date = new Date(), locale?: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "long" }).formatToParts(
    typeof at === "string" ? new Date(at) : at,
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** The zone's short name at that instant, e.g. "CET" or "GMT+1". */
export function shortZoneName(timeZone: string, at: string | Date = new Date(), locale?: string): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }).formatToParts(
    typeof at === "string" ? new Date(at) : at,
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** "Monday, 7 December 2026 at 10:30 – 11:00 (Central European Standard Time, Europe/Berlin)". */
export function describeWhen(startsAt: string, endsAt: string, timeZone: string, locale?: string): string {
  return `${formatDateTimeIn(startsAt, timeZone, locale)} – ${formatTime(endsAt, timeZone, locale)} (${zoneName(timeZone, startsAt, locale)}, ${timeZone})`;
}

/** The month ("2026-12") a day key is in. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The month before or after ("2026-12" + 1 = "2027-01"). */
export function addMonths(month: string, count: number): string {
  const [year, m] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year!, m! - 1 + count, 1, 12));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The day key `count` days after `day`. */
export function addDays(day: string, count: number): string {
  const date = dayDate(day);
  date.setUTCDate(date.getUTCDate() + count);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a day key: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = dayDate(day).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week a day is in. */
export function startOfWeek(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/**
 * A month as weeks of seven days, Monday first; days outside the month are null (blank cells).
 */
export function monthGrid(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const weeks: (string | null)[][] = [];
  let day = startOfWeek(first);
  while (monthOf(day) <= month || weeks.length === 0) {
    const week: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(monthOf(day) === month ? day : null);
      day = addDays(day, 1);
    }
    weeks.push(week);
    if (monthOf(day) > month) break;
  }
  return weeks;
}

/**
 * The instants to ask for slots of a month in any zone: a day either side of the month in UTC,
 * never before `now`. The answer is then grouped by day in the zone, which drops the extra days.
 */
export function monthQueryRange(month: string, now: Date = new Date()): { from: string; to: string } {
  const start = new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000);
  const end = new Date(Date.parse(`${addMonths(month, 1)}-01T00:00:00Z`) + 86_400_000);
  const from = start < now ? now : start;
  return { from: from.toISOString(), to: end.toISOString() };
}

/** The instants spanning days [firstDay, firstDay + days) in any zone, a day either side (for the agenda). */
export function daysQueryRange(firstDay: string, days: number): { from: string; to: string } {
  return {
    from: new Date(Date.parse(`${firstDay}T00:00:00Z`) - 86_400_000).toISOString(),
    to: new Date(Date.parse(`${addDays(firstDay, days)}T00:00:00Z`) + 86_400_000).toISOString(),
  };
}

/** The IANA zones the browser knows, for a select; the given one first if it is missing. */
export function timeZoneOptions(current?: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf("timeZone") : ["UTC"];
  const list = zones.includes("UTC") ? zones : ["UTC", ...zones];
  return current && !list.includes(current) ? [current, ...list] : list;
}
