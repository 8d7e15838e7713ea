import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { BookingRow } from "../bookings/booking.entity.js";

/** One booking as a calendar event; times are written in UTC, so every calendar imports the same instant. */
export interface IcsEvent {
  booking: Pick<BookingRow, "icsUid" | "icsSequence" | "startsAt" | "endsAt" | "status" | "typeName" | "locationKind" | "locationValue">;
  summary: string;
  description: string;
  /** The appointment's page (portal or admin console). */
  url: string;
}

const locationText = (kind: string, value: string) => (kind === "PHONE" ? `Phone: ${value}` : value);

function addEvent(calendar: ReturnType<typeof ical>, event: IcsEvent) {
  const { booking } = event;
  const cancelled = booking.status === "CANCELLED";
  calendar.createEvent({
    id: booking.icsUid,
    sequence: booking.icsSequence,
    start: booking.startsAt,
    end: booking.endsAt,
    stamp: new Date(),
    summary: event.summary,
    description: event.description,
    location: locationText(booking.locationKind, booking.locationValue),
    url: event.url,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** A single appointment as an `.ics` file to add to a calendar (METHOD:PUBLISH). */
export function appointmentIcs(event: IcsEvent, productName: string): string {
  const calendar = ical({ prodId: { company: productName, product: "Appointments" }, method: ICalCalendarMethod.PUBLISH });
  addEvent(calendar, event);
  return calendar.toString();
}

/** A subscribed calendar feed: every event, cancelled ones marked so calendars drop them. */
export function feedIcs(name: string, events: IcsEvent[], productName: string): string {
  const calendar = ical({
    name,
    prodId: { company: productName, product: "Appointments" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 15 * 60,
  });
  for (const event of events) addEvent(calendar, event);
  return calendar.toString();
}
