import { z } from "zod";
import { defineEvent } from "./contract.js";
import { id, link, Recipient, reference } from "./shared.js";

/** An IANA time zone name, e.g. `Europe/Paris`; times in emails are shown in the recipient's. */
const timeZone = z.string().min(1).max(64);

/** Where the appointment takes place, as the appointment type says. */
const Location = z.object({
  kind: z.enum(["ADDRESS", "PHONE", "VIDEO"]),
  /** The address, the phone number, or the video-meeting link. */
  value: z.string(),
});

/** Who attends and in which zone each reads their times. */
const Attendees = {
  contactId: id,
  /** The client: their email, name and Do Not Disturb. */
  client: Recipient,
  /** The zone the client's times are shown in (the portal's zone when they booked, else the host's). */
  clientTimeZone: timeZone,
  hostStaffId: id,
  /** The host (a staff member; never DND). */
  host: Recipient,
  /** The host's availability zone. */
  hostTimeZone: timeZone,
};

/** The booking as both calendars should hold it. */
const Booking = {
  bookingId: id,
  appointmentTypeName: z.string(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  location: Location,
  /**
   * The iCalendar UID and SEQUENCE of the booking's `.ics`: the UID never changes, the sequence goes up
   * with every reschedule and with the cancellation, so calendars update the same event.
   */
  icsUid: z.string(),
  icsSequence: z.number().int().min(0),
  /** The appointment page in the client's portal: `<portalUrl>/appointments/<bookingId>`. */
  link,
  /** The booking in the admin console, for the host: `<portalUrl>/admin/appointments/<bookingId>`. */
  adminLink: link,
  /** `appointment:<bookingId>`. */
  reference,
};

export const bookingConfirmed = defineEvent({
  name: "appointments.booking.confirmed",
  producer: "appointments",
  version: 1,
  description:
    "A booking was made (by the client in the portal or by staff): automation sends APPOINTMENT_CONFIRMED with an .ics (METHOD:REQUEST) to the client and the host; identity invites a contact without portal access unless told not to.",
  payload: z.object({
    ...Booking,
    ...Attendees,
    bookedBy: z.enum(["CLIENT", "STAFF"]),
    /** Staff's "invite to the portal" choice; absent means yes. */
    inviteToPortal: z.boolean().optional(),
  }),
});

export const bookingRescheduled = defineEvent({
  name: "appointments.booking.rescheduled",
  producer: "appointments",
  version: 1,
  description:
    "A booking moved to another time: automation sends APPOINTMENT_RESCHEDULED with the updated .ics (same UID, higher sequence) to the client and the host.",
  payload: z.object({
    ...Booking,
    ...Attendees,
    previousStartsAt: z.string().datetime(),
    rescheduledBy: z.enum(["CLIENT", "STAFF"]),
  }),
});

export const bookingCancelled = defineEvent({
  name: "appointments.booking.cancelled",
  producer: "appointments",
  version: 1,
  description:
    "A booking was cancelled: automation sends APPOINTMENT_CANCELLED with an .ics (METHOD:CANCEL, same UID, higher sequence) to the client and the host.",
  payload: z.object({
    ...Booking,
    ...Attendees,
    cancelledBy: z.enum(["CLIENT", "STAFF"]),
    /** Why, as the person who cancelled wrote it; may be empty. */
    reason: z.string().max(2000),
  }),
});

export const reminderDue = defineEvent({
  name: "appointments.reminder.due",
  producer: "appointments",
  version: 1,
  description:
    "A reminder of a booked appointment is due (once per booking, start time and reminder offset): automation sends APPOINTMENT_REMINDER to the client.",
  payload: z.object({
    ...Booking,
    ...Attendees,
    /** How long before the start this reminder was set for, in minutes (e.g. 1440, 60). */
    minutesBefore: z.number().int().positive(),
  }),
});
