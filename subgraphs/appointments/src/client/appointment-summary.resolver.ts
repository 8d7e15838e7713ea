import {
  type EntityManager,
  forbidden,
  isStaffReader,
  preparedStatement,
  requireBusiness,
  requireSignedIn,
  runPrepared,
  type SubgraphContext,
} from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { appointmentView } from "../bookings/appointment-views.js";
import { BookingRow, LIVE_STATUSES } from "../bookings/booking.entity.js";
import { AppointmentSummaryView } from "../bookings/booking.types.js";
import { contactIdOf } from "../shared/access.js";
import { ContactRef } from "./contact-ref.js";

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

async function summaryRow(em: EntityManager, businessId: string, contactId: string) {
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

/**
 * The contact's next appointment for the dashboard card, federated onto identity's Contact. Nullable
 * so that when appointments fails or is down only this field is null.
 */
@Resolver(() => ContactRef)
export class AppointmentSummaryResolver {
  @FieldResolver(() => AppointmentSummaryView, {
    nullable: true,
    description: "The contact's next appointment and whether they can book one. Null only when appointments cannot answer (see errors).",
  })
  async appointmentSummary(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<AppointmentSummaryView> {
    requireSignedIn(ctx.caller);
    const businessId = requireBusiness(ctx.caller);
    if (contactIdOf(ctx.caller) !== contact.id && !isStaffReader(ctx.caller))
      throw forbidden("Only this contact or their business's staff can see their appointments");
    const { next, bookableTypes } = await summaryRow(ctx.em, businessId, contact.id);
    return Object.assign(new AppointmentSummaryView(), {
      hasAppointments: next !== null,
      canBook: bookableTypes > 0,
      next: next ? appointmentView(next) : null,
    });
  }
}
