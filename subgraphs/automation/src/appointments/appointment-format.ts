import { DateTime, Duration } from "luxon";

/** Emails are in English; dates read the British way: "Tuesday 8 December 2026, 14:00". */
const LOCALE = "en-GB";
const DAY_AND_TIME = "cccc d LLLL yyyy, HH:mm";

/** The zone a recipient reads their times in; a name luxon does not know falls back to UTC rather than failing the email. */
export function readableZone(zone: string): string {
  return DateTime.now().setZone(zone).isValid ? zone : "UTC";
}

const inZone = (iso: string, zone: string) => DateTime.fromISO(iso, { zone: readableZone(zone) }).setLocale(LOCALE);

/**
 * An appointment's time span in the recipient's zone, with the zone named:
 * "Tuesday 8 December 2026, 14:00–14:30 (Europe/Paris)"; a span past midnight names both days.
 */
export function formatSpan(startsAt: string, endsAt: string, zone: string): string {
  const start = inZone(startsAt, zone);
  const end = inZone(endsAt, zone);
  const endText = start.hasSame(end, "day") ? end.toFormat("HH:mm") : ` ${end.toFormat(DAY_AND_TIME)}`;
  const separator = start.hasSame(end, "day") ? "–" : " –";
  return `${start.toFormat(DAY_AND_TIME)}${separator}${endText} (${readableZone(zone)})`;
}

/** One instant in the recipient's zone, with the zone named: "Monday 7 December 2026, 10:00 (Europe/Paris)". */
export function formatInstant(at: string, zone: string): string {
  return `${inZone(at, zone).toFormat(DAY_AND_TIME)} (${readableZone(zone)})`;
}

/**
 * How long before the start a reminder was set for, as the email says it: 1440 → "in 24 hours",
 * 60 → "in 1 hour", 90 → "in 1 hour, 30 minutes", 2880 → "in 2 days".
 */
export function formatStartsIn(minutesBefore: number): string {
  const days = minutesBefore % 1440 === 0 && minutesBefore >= 2880 ? minutesBefore / 1440 : 0;
  const hours = days ? 0 : Math.floor(minutesBefore / 60);
  const minutes = days ? 0 : minutesBefore % 60;
  const parts = Object.fromEntries(Object.entries({ days, hours, minutes }).filter(([, value]) => value > 0)) as Record<
    "days" | "hours" | "minutes",
    number
  >;
  return `in ${Duration.fromObject(parts, { locale: LOCALE }).toHuman({ unitDisplay: "long", listStyle: "long" })}`;
}

/** Where the appointment takes place, as one line: the address, "Phone: …" or "Video call: <link>". */
export function formatLocation(location: { kind: "ADDRESS" | "PHONE" | "VIDEO"; value: string }): string {
  if (location.kind === "PHONE") return `Phone: ${location.value}`;
  if (location.kind === "VIDEO") return `Video call: ${location.value}`;
  return location.value;
}
