import { isStaffReader, KnownContact, type SubgraphContext } from "@portal/kit";
import { appointmentView } from "./bookings/appointment-views.js";
import { visibleBooking } from "./bookings/booking.service.js";
import { ContactRef } from "./client/contact-ref.js";
import { contactIdOf } from "./shared/access.js";
import { isUuid } from "./shared/ids.js";
import { typeView } from "./shared/views.js";
import { visibleType } from "./types/appointment-type.service.js";

/**
 * `_entities` lookups, with the same rules as the queries: a type for staff and, when offered to
 * clients, clients; an appointment for staff and its client; a Contact (appointments holds only its
 * id) for the contact themself or staff; null for anyone else, another business included.
 */
export const referenceResolvers = {
  AppointmentType: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      const row = await visibleType(ctx.em, ctx.caller, reference.id);
      return row ? typeView(row) : null;
    },
  },
  Appointment: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      const row = await visibleBooking(ctx.em, ctx.caller, reference.id);
      return row ? appointmentView(row) : null;
    },
  },
  Contact: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      if (!ctx.caller.businessId || !isUuid(reference.id)) return null;
      if (contactIdOf(ctx.caller) === reference.id) return ContactRef.of(reference.id);
      if (!isStaffReader(ctx.caller)) return null;
      return (await ctx.em.findOne(KnownContact, { contactId: reference.id })) ? ContactRef.of(reference.id) : null;
    },
  },
};
