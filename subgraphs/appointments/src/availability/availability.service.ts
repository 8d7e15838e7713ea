import { CURRENT_STAFF, type EntityManager, findRefs, NotFoundError, sql, ValidationError } from "@portal/kit";
import { DateTime } from "luxon";
import { isUuid, uuidArray } from "../shared/ids.js";
import { DateOverrideRow, StaffAvailabilityRow, type StoredInterval, type StoredWeekday } from "./availability.entity.js";
import { type HostSchedule, isTimeZone, minutesOf } from "./slots.js";

export interface Availability {
  staffId: string;
  timeZone: string;
  weekly: StoredWeekday[];
  overrides: { date: string; intervals: StoredInterval[] }[];
}

/** The zone a staff member's times are in before they set their hours. */
export const DEFAULT_TIME_ZONE = "UTC";

/** Intervals in order, each start before its end, none overlapping; `field` names the input. */
function checkIntervals(intervals: StoredInterval[], field: string): StoredInterval[] | ValidationError {
  if (intervals.length > 12) return ValidationError.of(field, "At most 12 intervals a day");
  const parsed = intervals.map((interval) => ({ ...interval, from: minutesOf(interval.start), to: minutesOf(interval.end) }));
  for (const [index, interval] of parsed.entries()) {
    if (interval.from === null || interval.from >= 1440)
      return ValidationError.of(`${field}.${index}.start`, 'Give the start as "HH:MM", e.g. "09:00"');
    if (interval.to === null) return ValidationError.of(`${field}.${index}.end`, 'Give the end as "HH:MM" ("24:00" for midnight)');
    if (interval.to <= interval.from) return ValidationError.of(`${field}.${index}.end`, "The end comes after the start");
  }
  const sorted = [...parsed].sort((a, b) => a.from! - b.from!);
  for (let index = 1; index < sorted.length; index++)
    if (sorted[index]!.from! < sorted[index - 1]!.to!) return ValidationError.of(field, "Intervals of one day may not overlap");
  return sorted.map((interval) => ({ start: interval.start, end: interval.end }));
}

async function staffOfBusiness(em: EntityManager, staffId: string) {
  const found = await findRefs(em, { staffId: [CURRENT_STAFF, staffId] });
  return found instanceof ValidationError ? found : found.staffId!;
}

export async function readAvailability(em: EntityManager, staffId: string): Promise<Availability | null> {
  if (!isUuid(staffId)) return null;
  const [row, overrides] = await Promise.all([
    em.findOne(StaffAvailabilityRow, { staffId }),
    em.find(DateOverrideRow, { staffId }, { orderBy: { date: "asc" } }),
  ]);
  return {
    staffId,
    timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE,
    weekly: row?.weekly ?? [],
    overrides: overrides.map((override) => ({ date: override.date, intervals: override.intervals })),
  };
}

export async function setWeekly(
  em: EntityManager,
  businessId: string,
  staffId: string,
  timeZone: string,
  weekly: StoredWeekday[],
): Promise<Availability | ValidationError> {
  const staff = await staffOfBusiness(em, staffId);
  if (staff instanceof ValidationError) return staff;
  if (!isTimeZone(timeZone)) return ValidationError.of("timeZone", "Choose a time zone such as Europe/Paris");
  const days = new Map<number, StoredInterval[]>();
  for (const [index, day] of weekly.entries()) {
    if (!Number.isInteger(day.weekday) || day.weekday < 1 || day.weekday > 7)
      return ValidationError.of(`weekly.${index}.weekday`, "A weekday is 1 (Monday) to 7 (Sunday)");
    if (days.has(day.weekday)) return ValidationError.of(`weekly.${index}.weekday`, "Give each weekday once");
    const intervals = checkIntervals(day.intervals, `weekly.${index}.intervals`);
    if (intervals instanceof ValidationError) return intervals;
    days.set(day.weekday, intervals);
  }
  const stored = [...days.entries()].sort((a, b) => a[0] - b[0]).map(([weekday, intervals]) => ({ weekday, intervals }));
  await sql(
    em,
    `insert into appointments.staff_availability (staff_id, business_id, time_zone, weekly, updated_at) values (?, ?, ?, ?::jsonb, now())
     on conflict (staff_id) do update set time_zone = excluded.time_zone, weekly = excluded.weekly, updated_at = now()
       where appointments.staff_availability.business_id = excluded.business_id`,
    [staffId, businessId, timeZone, JSON.stringify(stored)],
  );
  return (await readAvailability(em, staffId))!;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function setOverride(
  em: EntityManager,
  businessId: string,
  staffId: string,
  date: string,
  intervals: StoredInterval[],
): Promise<Availability | ValidationError> {
  const staff = await staffOfBusiness(em, staffId);
  if (staff instanceof ValidationError) return staff;
  if (!DATE.test(date) || !DateTime.fromISO(date).isValid) return ValidationError.of("date", 'Give the date as "YYYY-MM-DD"');
  const checked = checkIntervals(intervals, "intervals");
  if (checked instanceof ValidationError) return checked;
  await sql(
    em,
    `insert into appointments.date_override (business_id, staff_id, date, intervals) values (?, ?, ?, ?::jsonb)
     on conflict (staff_id, date) do update set intervals = excluded.intervals
       where appointments.date_override.business_id = excluded.business_id`,
    [businessId, staffId, date, JSON.stringify(checked)],
  );
  return (await readAvailability(em, staffId))!;
}

export async function removeOverride(
  em: EntityManager,
  businessId: string,
  staffId: string,
  date: string,
): Promise<Availability | ValidationError | NotFoundError> {
  const staff = await staffOfBusiness(em, staffId);
  if (staff instanceof ValidationError) return staff;
  const removed = await sql(
    em,
    `delete from appointments.date_override where business_id = ? and staff_id = ? and date = ? returning date`,
    [businessId, staffId, date],
  );
  if (removed.length === 0) return NotFoundError.of("No override on that date");
  return (await readAvailability(em, staffId))!;
}

/**
 * Every current host's hours, overrides and busy time around [from, to), in four statements whatever
 * the number of hosts. `excludeBookingId`: a booking being moved does not block its own new time.
 */
export async function loadSchedules(
  em: EntityManager,
  businessId: string,
  requested: string[],
  from: Date,
  to: Date,
  excludeBookingId: string | null = null,
): Promise<HostSchedule[]> {
  if (requested.length === 0) return [];
  // Only current team members host: someone removed from the team keeps their bookings but takes no new ones.
  const current = await sql<{ staff_id: string }>(
    em,
    `select staff_id from appointments.known_staff where business_id = ? and staff_id = any(?::uuid[]) and not removed`,
    [businessId, uuidArray(requested)],
  );
  const currentIds = new Set(current.map((row) => row.staff_id));
  const staffIds = requested.filter((staffId) => currentIds.has(staffId));
  if (staffIds.length === 0) return [];
  const ids = uuidArray(staffIds);
  const dayBefore = new Date(from.getTime() - 2 * 86_400_000);
  const dayAfter = new Date(to.getTime() + 2 * 86_400_000);
  // One after the other: inside a booking's transaction they share its connection.
  const hours = await sql<{ staff_id: string; time_zone: string; weekly: StoredWeekday[] }>(
    em,
    `select staff_id, time_zone, weekly from appointments.staff_availability where business_id = ? and staff_id = any(?::uuid[])`,
    [businessId, ids],
  );
  const overrides = await sql<{ staff_id: string; date: string; intervals: StoredInterval[] }>(
    em,
    `select staff_id, date, intervals from appointments.date_override
       where business_id = ? and staff_id = any(?::uuid[]) and date between ? and ?`,
    [businessId, ids, dayBefore.toISOString().slice(0, 10), dayAfter.toISOString().slice(0, 10)],
  );
  const busy = await sql<{ host_staff_id: string; blocked_from: Date; blocked_until: Date }>(
    em,
    `select host_staff_id, blocked_from, blocked_until from appointments.booking
       where business_id = ? and host_staff_id = any(?::uuid[]) and status in ('BOOKED', 'RESCHEDULED')
         and blocked_until > ? and blocked_from < ? and (?::uuid is null or id <> ?::uuid)
       order by blocked_from`,
    [businessId, ids, dayBefore, dayAfter, excludeBookingId, excludeBookingId],
  );
  const byStaff = new Map(hours.map((row) => [row.staff_id, row]));
  return staffIds.map((staffId) => ({
    staffId,
    timeZone: byStaff.get(staffId)?.time_zone ?? DEFAULT_TIME_ZONE,
    weekly: byStaff.get(staffId)?.weekly ?? [],
    overrides: new Map(overrides.filter((row) => row.staff_id === staffId).map((row) => [row.date, row.intervals])),
    busy: busy
      .filter((row) => row.host_staff_id === staffId)
      .map((row) => ({ from: new Date(row.blocked_from).getTime(), until: new Date(row.blocked_until).getTime() })),
  }));
}
