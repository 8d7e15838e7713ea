import type { CalendarDate } from "./invoice-document.js";

/** Date formatting for PDFs, always in an explicit zone so output never depends on the server's. */

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as the Date at its UTC midnight ("2026-11-01" or a Date). */
export function calendarDateToDate(value: CalendarDate): Date {
  const date = typeof value === "string" && ISO_DAY.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a calendar date: ${String(value)}`);
  return date;
}

/**
 * Formats an issue or due date. These are days, not instants, so they are read in UTC: formatting
 * "2026-11-01" in a zone west of UTC must not turn it into October 31.
 */
export function formatCalendarDate(value: CalendarDate, locale = "en-US"): string {
  return formatDate(calendarDateToDate(value), locale, "UTC");
}

export function formatDate(date: Date, locale = "en-US", timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(date);
}

/** Date and time with the zone name, for when a payment happened (e.g. "Nov 23, 2026, 2:05 PM UTC"). */
export function formatDateTime(date: Date, locale = "en-US", timeZone = "UTC"): string {
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(date);
}
