import { appointments } from "@portal/contracts";
import { type EntityManager, type KnownBusiness, type KnownContact, type KnownStaff, publish } from "@portal/kit";
import type { BookingRow } from "../bookings/booking.entity.js";

const base = (business: KnownBusiness) => business.portalUrl.replace(/\/$/, "");

/** The client's appointment page and the admin agenda at the booking, on the business's configured portal (never a request's host). */
export const appointmentLink = (business: KnownBusiness, bookingId: string) => `${base(business)}/appointments/${bookingId}`;
export const adminAppointmentLink = (business: KnownBusiness, bookingId: string) => `${base(business)}/admin/appointments/${bookingId}`;

/** Who the event is about, as the identity projection knows them. */
export interface EventParties {
  business: KnownBusiness;
  contact: KnownContact;
  host: KnownStaff;
  hostTimeZone: string;
}

function common(booking: BookingRow, parties: EventParties) {
  return {
    bookingId: booking.id,
    appointmentTypeName: booking.typeName,
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    location: { kind: booking.locationKind, value: booking.locationValue },
    icsUid: booking.icsUid,
    icsSequence: booking.icsSequence,
    link: appointmentLink(parties.business, booking.id),
    adminLink: adminAppointmentLink(parties.business, booking.id),
    reference: `appointment:${booking.id}`,
    contactId: booking.contactId,
    client: { email: parties.contact.email, name: parties.contact.name, firstName: parties.contact.firstName, dnd: parties.contact.dnd },
    clientTimeZone: booking.clientTimeZone,
    hostStaffId: booking.hostStaffId,
    host: {
      email: parties.host.email,
      name: parties.host.name,
      firstName: parties.host.name.split(" ")[0] ?? parties.host.name,
      dnd: false,
    },
    hostTimeZone: parties.hostTimeZone,
  };
}

export async function publishBookingConfirmed(em: EntityManager, booking: BookingRow, parties: EventParties, inviteToPortal?: boolean) {
  await publish(em, appointments.bookingConfirmed, booking.businessId, {
    ...common(booking, parties),
    bookedBy: booking.bookedBy,
    ...(inviteToPortal === undefined ? {} : { inviteToPortal }),
  });
}

export async function publishBookingRescheduled(
  em: EntityManager,
  booking: BookingRow,
  parties: EventParties,
  previousStartsAt: Date,
  by: "CLIENT" | "STAFF",
) {
  await publish(em, appointments.bookingRescheduled, booking.businessId, {
    ...common(booking, parties),
    previousStartsAt: previousStartsAt.toISOString(),
    rescheduledBy: by,
  });
}

export async function publishBookingCancelled(em: EntityManager, booking: BookingRow, parties: EventParties) {
  await publish(em, appointments.bookingCancelled, booking.businessId, {
    ...common(booking, parties),
    cancelledBy: booking.cancelledBy ?? "STAFF",
    reason: (booking.cancelReason ?? "").slice(0, 2000),
  });
}

export async function publishReminderDue(em: EntityManager, booking: BookingRow, parties: EventParties, minutesBefore: number) {
  await publish(em, appointments.reminderDue, booking.businessId, { ...common(booking, parties), minutesBefore });
}
