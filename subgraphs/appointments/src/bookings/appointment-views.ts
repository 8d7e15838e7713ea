import { type EntityManager, KnownBusiness, KnownStaff } from "@portal/kit";
import { appointmentIcs } from "../calendar/ics.js";
import { appointmentLink } from "../events/booking-events.js";
import type { AppointmentActor, AppointmentStatus } from "../shared/enums.js";
import { locationView } from "../shared/views.js";
import type { BookingRow } from "./booking.entity.js";
import { changeDeadline } from "./booking.service.js";
import { AppointmentView } from "./booking.types.js";

export const appointmentView = (row: BookingRow): AppointmentView =>
  Object.assign(new AppointmentView(), {
    row,
    id: row.id,
    typeName: row.typeName,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status as AppointmentStatus,
    location: locationView(row.locationKind, row.locationValue),
    clientTimeZone: row.clientTimeZone,
    cancelledBy: row.cancelledBy as AppointmentActor | null,
    cancelReason: row.cancelReason,
    cancelledAt: row.cancelledAt,
    changeDeadline: changeDeadline(row),
    bookedBy: row.bookedBy as AppointmentActor,
    createdAt: row.createdAt,
  });

/** The booking as a single `.ics` file for the client's "add to calendar". */
export async function bookingIcs(em: EntityManager, row: BookingRow): Promise<string> {
  const business = await em.findOne(KnownBusiness, { businessId: row.businessId });
  const host = await em.findOne(KnownStaff, { staffId: row.hostStaffId });
  const businessName = business ? business.displayName || business.name : "Appointments";
  return appointmentIcs(
    {
      booking: row,
      summary: `${row.typeName} with ${businessName}`,
      description: `With ${host?.name ?? businessName}.`,
      url: business ? appointmentLink(business, row.id) : "",
    },
    businessName,
  );
}
