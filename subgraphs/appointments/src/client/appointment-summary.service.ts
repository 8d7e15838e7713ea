import { type EntityManager, preparedStatement, runPrepared } from "@portal/kit";
import { BookingRow, LIVE_STATUSES } from "../bookings/booking.entity.js";

/**
 * The dashboard card in one statement, whatever the number of bookings: the contact's next live
 * booking (one that has not ended) and how many appointment types they may book themselves. A raw
 * statement is not tenant-filtered by MikroORM, so both name the business.
 */
const SUMMARY = preparedStatement(
  "appointments_summary",
  `select b.*,
     (select count(*)::int from appointments.appointment_type t
      where t.business_id = $1 and t.client_bookable and t.archived_at is null) as bookable_types
   from (select 1) as one
   left join lateral (
     select * from appointments.booking
     where business_id = $1 and contact_id = $2 and status = any($3::text[]) and ends_at > $4
     order by starts_at, id limit 1) b on true`,
);

/** The contact's next live booking, managed as `findOne` would load it, and how many types they may book. */
export async function appointmentSummaryOf(em: EntityManager, businessId: string, contactId: string) {
  const [row] = await runPrepared<Record<string, unknown> & { bookable_types: number }>(em, SUMMARY, [
    businessId,
    contactId,
    LIVE_STATUSES,
    new Date(),
  ]);
  const { bookable_types: bookableTypes, ...booking } = row!;
  // The booking as findOne would have loaded it (managed, so its views read it as any other).
  return { next: booking.id ? em.map(BookingRow, booking) : null, bookableTypes };
}
