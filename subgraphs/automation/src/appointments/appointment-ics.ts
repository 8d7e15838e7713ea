import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { EmailAttachment } from "../mail/mail-transport.js";

/** What a booking's calendar entry is made of (the fields every appointments event carries). */
export interface IcsBooking {
  icsUid: string;
  icsSequence: number;
  appointmentTypeName: string;
  startsAt: string;
  endsAt: string;
  location: { kind: "ADDRESS" | "PHONE" | "VIDEO"; value: string };
  host: { name: string; email: string };
  client: { name: string; email: string };
}

export type IcsMethod = "REQUEST" | "CANCEL";

/** The file name calendars and mail clients show; the same for invitations, updates and cancellations. */
export const ICS_FILE_NAME = "appointment.ics";

/**
 * The booking as an iCalendar invitation (METHOD:REQUEST: a new or moved booking) or cancellation
 * (METHOD:CANCEL, STATUS:CANCELLED). The UID never changes and the SEQUENCE is the booking's, so a
 * calendar that imported the invitation updates or removes that same event. Times are written in UTC;
 * each calendar shows them in its owner's zone. `url` is the recipient's page for the booking.
 */
export function bookingIcs(booking: IcsBooking, method: IcsMethod, options: { url: string; description: string }): string {
  const calendar = ical({
    prodId: { company: "Client Portal", product: "Appointments", language: "EN" },
    method: method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: booking.icsUid,
    sequence: booking.icsSequence,
    start: new Date(booking.startsAt),
    end: new Date(booking.endsAt),
    summary: booking.appointmentTypeName,
    location: booking.location.value,
    description: options.description,
    url: options.url,
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: booking.host.name, email: booking.host.email },
    attendees: [
      {
        name: booking.client.name,
        email: booking.client.email,
        role: ICalAttendeeRole.REQ,
        // The client booked (or was booked for) this time; a cancellation leaves their answer unsaid.
        ...(method === "REQUEST" ? { status: ICalAttendeeStatus.ACCEPTED } : {}),
      },
    ],
  });
  return calendar.toString();
}

/** The `.ics` as an email attachment, typed so mail clients offer to add, update or remove the event. */
export function icsAttachment(ics: string, method: IcsMethod): EmailAttachment {
  return {
    name: ICS_FILE_NAME,
    contentType: `text/calendar; method=${method}`,
    contentBase64: Buffer.from(ics, "utf8").toString("base64"),
  };
}
