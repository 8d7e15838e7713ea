import type { MikroORM } from "@mikro-orm/postgresql";
import { type EntityManager, forkFor, KnownBusiness, KnownContact, KnownStaff, repeatEvery, sql, type SubgraphDeps } from "@portal/kit";
import { BookingRow } from "../bookings/booking.entity.js";
import { publishReminderDue } from "../events/booking-events.js";

/** How often the reminder job looks for reminders that fell due. */
export const REMINDER_INTERVAL_MS = 30_000;

/**
 * A booking's reminders at its start: one row per offset still ahead (a reminder whose time has
 * already passed when the appointment is booked or moved is not sent). Rows live in PostgreSQL, so
 * they survive restarts; the unique key (booking, start, offset) keeps each one single.
 */
export async function scheduleReminders(em: EntityManager, booking: BookingRow, minutesBefore: number[], now: Date): Promise<void> {
  for (const minutes of minutesBefore) {
    const dueAt = new Date(booking.startsAt.getTime() - minutes * 60_000);
    if (dueAt.getTime() <= now.getTime()) continue;
    await sql(
      em,
      `insert into appointments.reminder (business_id, booking_id, starts_at, minutes_before, due_at) values (?, ?, ?, ?, ?)
       on conflict (booking_id, starts_at, minutes_before) do nothing`,
      [booking.businessId, booking.id, booking.startsAt, minutes, dueAt],
    );
  }
}

/** Removes the booking's reminders not sent yet (it was cancelled or moved). */
export async function cancelPendingReminders(em: EntityManager, booking: BookingRow): Promise<void> {
  await sql(em, `delete from appointments.reminder where business_id = ? and booking_id = ? and sent_at is null`, [
    booking.businessId,
    booking.id,
  ]);
}

export interface ReminderScope {
  /** Limit a run to one business (tests share a database). */
  businessId?: string;
}

interface Due {
  id: string;
  business_id: string;
  booking_id: string;
  minutes_before: number;
}

/**
 * Sends the reminders that fell due: for each, in one transaction, the row is marked sent only if it
 * was not yet and its booking is still live at that same start, and only that update's winner
 * publishes `appointments.reminder.due`. Two runs at once, or one after the other, send it once; a
 * cancelled or moved booking's reminder is never sent. A reminder whose appointment has started is
 * not sent. Returns how many were sent.
 */
export async function runDueReminders(orm: MikroORM, now: Date, scope: ReminderScope = {}): Promise<number> {
  const due = await sql<Due>(
    forkFor(orm, null),
    `select r.id, r.business_id, r.booking_id, r.minutes_before
     from appointments.reminder r
     join appointments.booking b on b.id = r.booking_id and b.business_id = r.business_id
     where r.sent_at is null and r.due_at <= ? and b.starts_at = r.starts_at and b.starts_at > ?
       and b.status in ('BOOKED', 'RESCHEDULED') and (?::uuid is null or r.business_id = ?::uuid)
     order by r.due_at limit 500`,
    [now, now, scope.businessId ?? null, scope.businessId ?? null],
  );
  let sent = 0;
  for (const reminder of due) {
    const published = await forkFor(orm, reminder.business_id)
      .transactional(async (tx) => {
        const won = await sql(
          tx,
          `update appointments.reminder r set sent_at = now()
         from appointments.booking b
         where r.id = ? and r.business_id = ? and r.sent_at is null
           and b.id = r.booking_id and b.business_id = r.business_id and b.starts_at = r.starts_at
           and b.status in ('BOOKED', 'RESCHEDULED')
         returning r.id`,
          [reminder.id, reminder.business_id],
        );
        if (won.length === 0) return false;
        const booking = await tx.findOne(BookingRow, { id: reminder.booking_id });
        const business = await tx.findOne(KnownBusiness, { businessId: reminder.business_id });
        const contact = booking ? await tx.findOne(KnownContact, { contactId: booking.contactId }) : null;
        const host = booking ? await tx.findOne(KnownStaff, { staffId: booking.hostStaffId }) : null;
        if (!booking || !business || !contact || !host) throw new Error("the booking's people are not known yet");
        const [zone] = await sql<{ time_zone: string }>(
          tx,
          `select time_zone from appointments.staff_availability where business_id = ? and staff_id = ?`,
          [booking.businessId, booking.hostStaffId],
        );
        await publishReminderDue(tx, booking, { business, contact, host, hostTimeZone: zone?.time_zone ?? "UTC" }, reminder.minutes_before);
        return true;
      })
      .catch((error) => {
        console.error(`[appointments] reminder ${reminder.id} not sent yet: ${error instanceof Error ? error.message : error}`);
        return false;
      });
    if (published) sent++;
  }
  return sent;
}

/** Every 30 s (or `intervalMs`) in every process; the rows keep runs from sending twice. Stops with the job queue. */
export function startReminderJob(deps: SubgraphDeps, intervalMs = REMINDER_INTERVAL_MS): void {
  repeatEvery(deps, "appointments reminders", intervalMs, () => runDueReminders(deps.orm, new Date()));
}
