import { randomUUID } from "node:crypto";
import type { appointments, PayloadInputOf } from "@portal/contracts";
import ICAL from "ical.js";
import { newRecipient, type TestBusiness } from "./helpers.js";

type Confirmed = PayloadInputOf<typeof appointments.bookingConfirmed>;
type Rescheduled = PayloadInputOf<typeof appointments.bookingRescheduled>;
type Cancelled = PayloadInputOf<typeof appointments.bookingCancelled>;
type Reminder = PayloadInputOf<typeof appointments.reminderDue>;

/** What every appointments event carries about the booking and its two people. */
export type BookingFields = Omit<Confirmed, "bookedBy" | "inviteToPortal">;

/**
 * A booking as appointments publishes it: a 30-minute consultation on Tuesday 8 December 2026 at
 * 13:00 UTC (14:00 in Paris, the client's zone; 08:00 in New York, the host's), by video.
 */
export function newBooking(business: TestBusiness, overrides: Partial<BookingFields> = {}): BookingFields {
  const bookingId = randomUUID();
  return {
    bookingId,
    appointmentTypeName: "Initial consultation",
    startsAt: "2026-12-08T13:00:00.000Z",
    endsAt: "2026-12-08T13:30:00.000Z",
    location: { kind: "VIDEO", value: "https://meet.example.test/initial-consultation" },
    icsUid: `${bookingId}@${new URL(business.portalUrl).host}`,
    icsSequence: 0,
    link: `${business.portalUrl}/appointments/${bookingId}`,
    adminLink: `${business.portalUrl}/admin/appointments/${bookingId}`,
    reference: `appointment:${bookingId}`,
    contactId: randomUUID(),
    client: newRecipient(),
    clientTimeZone: "Europe/Paris",
    hostStaffId: randomUUID(),
    host: newRecipient({ email: `jordan-${bookingId.slice(0, 8)}@staff.test`, name: "Jordan Lee", firstName: "Jordan" }),
    hostTimeZone: "America/New_York",
    ...overrides,
  };
}

export const confirmed = (booking: BookingFields, overrides: Partial<Confirmed> = {}): Confirmed => ({
  ...booking,
  bookedBy: "CLIENT",
  ...overrides,
});

/** The booking moved to `startsAt` (same length), its sequence one up. */
export function rescheduled(booking: BookingFields, startsAt: string, overrides: Partial<Rescheduled> = {}): Rescheduled {
  const length = Date.parse(booking.endsAt) - Date.parse(booking.startsAt);
  return {
    ...booking,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + length).toISOString(),
    icsSequence: booking.icsSequence + 1,
    previousStartsAt: booking.startsAt,
    rescheduledBy: "CLIENT",
    ...overrides,
  };
}

export const cancelled = (booking: BookingFields, overrides: Partial<Cancelled> = {}): Cancelled => ({
  ...booking,
  icsSequence: booking.icsSequence + 1,
  cancelledBy: "STAFF",
  reason: "",
  ...overrides,
});

export const reminder = (booking: BookingFields, minutesBefore = 1440): Reminder => ({ ...booking, minutesBefore });

/** An `.ics` file as a calendar application reads it (ical.js, a complete iCalendar parser). */
export function readIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents("vevent");
  if (vevents.length !== 1) throw new Error(`expected one event, found ${vevents.length}`);
  const vevent = vevents[0]!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue("method"),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue("status"),
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    startZone: event.startDate.zone?.tzid,
    summary: event.summary,
    location: event.location,
    organizer: String(event.organizer),
    attendees: event.attendees.map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
    url: vevent.getFirstPropertyValue("url"),
  };
}
