import { forbidden, isStaffReader, requireBusiness, requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { appointmentView } from "../bookings/appointment-views.js";
import { BookingRow, LIVE_STATUSES } from "../bookings/booking.entity.js";
import { AppointmentSummaryView } from "../bookings/booking.types.js";
import { contactIdOf } from "../shared/access.js";
import { AppointmentTypeRow } from "../types/appointment-type.entity.js";
import { ContactRef } from "./contact-ref.js";

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
    requireBusiness(ctx.caller);
    if (contactIdOf(ctx.caller) !== contact.id && !isStaffReader(ctx.caller))
      throw forbidden("Only this contact or their business's staff can see their appointments");
    const now = new Date();
    const next = await ctx.em.findOne(
      BookingRow,
      { contactId: contact.id, status: { $in: LIVE_STATUSES }, endsAt: { $gt: now } },
      { orderBy: { startsAt: "asc", id: "asc" } },
    );
    const bookable = await ctx.em.count(AppointmentTypeRow, { clientBookable: true, archivedAt: null });
    return Object.assign(new AppointmentSummaryView(), {
      hasAppointments: next !== null,
      canBook: bookable > 0,
      next: next ? appointmentView(next) : null,
    });
  }
}
