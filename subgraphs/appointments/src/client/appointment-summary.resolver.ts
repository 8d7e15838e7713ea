import { forbidden, isStaffReader, requireBusiness, requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { appointmentView } from "../bookings/appointment-views.js";
import { AppointmentSummaryView } from "../bookings/booking.types.js";
import { contactIdOf } from "../shared/access.js";
import { appointmentSummaryOf } from "./appointment-summary.service.js";
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
    const businessId = requireBusiness(ctx.caller);
    if (contactIdOf(ctx.caller) !== contact.id && !isStaffReader(ctx.caller))
      throw forbidden("Only this contact or their business's staff can see their appointments");
    const { next, bookableTypes } = await appointmentSummaryOf(ctx.em, businessId, contact.id);
    return Object.assign(new AppointmentSummaryView(), {
      hasAppointments: next !== null,
      canBook: bookableTypes > 0,
      next: next ? appointmentView(next) : null,
    });
  }
}
