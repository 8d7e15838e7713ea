import { buildFederatedSchema, type SubgraphDeps, UserError } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { AvailabilityResolver } from "./availability/availability.resolver.js";
import { BookingResolver } from "./bookings/booking.resolver.js";
import { calendarResolver } from "./calendar/calendar.resolver.js";
import { AppointmentSummaryResolver } from "./client/appointment-summary.resolver.js";
import { ContactRef } from "./client/contact-ref.js";
import { referenceResolvers } from "./references.js";
import { AppointmentTypeResolver } from "./types/appointment-type.resolver.js";

/** Builds the appointments schema (Contact is orphaned: only its extension, `appointmentSummary`, lives here). Needs no database. */
export function buildAppointmentsSchema(deps: SubgraphDeps): Promise<GraphQLSchema> {
  const resolvers = [
    AppointmentTypeResolver,
    AvailabilityResolver,
    BookingResolver,
    calendarResolver(deps.runtime.gatewaySecret),
    AppointmentSummaryResolver,
  ] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError, ContactRef] }, referenceResolvers);
}
