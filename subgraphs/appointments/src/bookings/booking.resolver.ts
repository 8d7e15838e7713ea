import { forbidden, mapConnection, requireBusiness, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { ContactRef } from "../client/contact-ref.js";
import { canWrite, contactIdOf } from "../shared/access.js";
import { hostViews } from "../shared/hosts.js";
import { asResult } from "../shared/outcomes.js";
import { typeView } from "../shared/views.js";
import { visibleType } from "../types/appointment-type.service.js";
import { AppointmentHostView, AppointmentTypeView } from "../types/appointment-type.types.js";
import { appointmentView, bookingIcs } from "./appointment-views.js";
import type { BookingRow } from "./booking.entity.js";
import { book, cancel, listAgenda, listMine, markOutcome, mayChange, reschedule, slotsFor, visibleBooking } from "./booking.service.js";
import {
  AgendaArgs,
  AppointmentConnection,
  AppointmentResult,
  AppointmentSuccess,
  AppointmentView,
  AvailableSlotView,
  BookAppointmentInput,
  CancelArgs,
  MyAppointmentsArgs,
} from "./booking.types.js";

const success = (row: BookingRow) => Object.assign(new AppointmentSuccess(), { appointment: appointmentView(row) });

/** Only staff or the client themself act on a booking; anyone else is refused before the service runs. */
function requireBooker(ctx: SubgraphContext) {
  requireSignedIn(ctx.caller);
  requireBusiness(ctx.caller);
  if (!contactIdOf(ctx.caller)) requireStaff(ctx.caller, "write");
}

/** Bookings: free slots, booking, the client's lists, the staff agenda, changes and outcomes. */
@Resolver(() => AppointmentView)
export class BookingResolver {
  @Query(() => [AvailableSlotView], {
    nullable: true,
    description:
      "Free slots of a type starting in [from, to) (at most 62 days): a client gets those inside the type's minimum notice and booking window; staff any free time of the hosts. Null when the type is not the caller's to see.",
  })
  async appointmentSlots(
    @Arg("typeId", () => ID, { description: "Appointment type id." }) typeId: string,
    @Arg("from", () => Date, { description: "From this instant." }) from: Date,
    @Arg("to", () => Date, { description: "Until this instant (excluded)." }) to: Date,
    @Arg("hostStaffId", () => ID, { nullable: true, description: "Only this host's free times." }) hostStaffId: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireSignedIn(ctx.caller);
    if (!contactIdOf(ctx.caller)) requireStaff(ctx.caller, "read");
    const slots = await slotsFor(ctx.em, ctx.caller, { typeId, from, to, hostStaffId }, new Date());
    return slots?.map((slot) => Object.assign(new AvailableSlotView(), slot)) ?? null;
  }

  @Query(() => AppointmentConnection, { description: "A client: their own appointments, upcoming (soonest first) or past (latest first)." })
  async myAppointments(@Args(() => MyAppointmentsArgs) args: MyAppointmentsArgs, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    const contactId = contactIdOf(ctx.caller);
    if (!contactId) throw forbidden("Only a client has appointments of their own; staff use the agenda");
    return mapConnection(await listMine(ctx.em, contactId, args.when, args, new Date()), appointmentView);
  }

  @Query(() => AppointmentView, { nullable: true, description: "One appointment: for staff, or its client; null for anyone else." })
  async appointment(@Arg("id", () => ID, { description: "Appointment id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    const row = await visibleBooking(ctx.em, ctx.caller, id);
    return row ? appointmentView(row) : null;
  }

  @Query(() => AppointmentConnection, {
    description: "Staff (or a READ key): appointments starting in [from, to), cancelled ones included, by start; optionally one host's.",
  })
  async agenda(@Args(() => AgendaArgs) args: AgendaArgs, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "read");
    return mapConnection(await listAgenda(ctx.em, args), appointmentView);
  }

  @Mutation(() => AppointmentResult, {
    description:
      "Book: staff for a contact (any free time of a host), a client for themself (a type offered to clients, inside its notice and window). `SlotTakenError` when another booking got the time first.",
  })
  async bookAppointment(@Arg("input", () => BookAppointmentInput) input: BookAppointmentInput, @Ctx() ctx: SubgraphContext) {
    requireBooker(ctx);
    return asResult(await book(ctx.em, ctx.caller, input, new Date()), success);
  }

  @Mutation(() => AppointmentResult, {
    description:
      "Move an appointment to another free time (same id and calendar event). A client until its `changeDeadline` (`TooLateToChangeError` after); staff always.",
  })
  async rescheduleAppointment(
    @Arg("id", () => ID, { description: "Appointment id." }) id: string,
    @Arg("startsAt", () => Date, { description: "The new start: one of `appointmentSlots`' times." }) startsAt: Date,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireBooker(ctx);
    return asResult(await reschedule(ctx.em, ctx.caller, id, startsAt, new Date()), success);
  }

  @Mutation(() => AppointmentResult, {
    description: "Cancel an appointment: a client until its `changeDeadline` (`TooLateToChangeError` after); staff always.",
  })
  async cancelAppointment(@Args(() => CancelArgs) args: CancelArgs, @Ctx() ctx: SubgraphContext) {
    requireBooker(ctx);
    return asResult(await cancel(ctx.em, ctx.caller, args.id, args.reason, new Date()), success);
  }

  @Mutation(() => AppointmentResult, { description: "Staff: the appointment took place (once it has started)." })
  async markAppointmentCompleted(@Arg("id", () => ID, { description: "Appointment id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await markOutcome(ctx.em, ctx.caller, id, "COMPLETED", new Date()), success);
  }

  @Mutation(() => AppointmentResult, { description: "Staff: the client did not come (once it has started)." })
  async markAppointmentNoShow(@Arg("id", () => ID, { description: "Appointment id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await markOutcome(ctx.em, ctx.caller, id, "NO_SHOW", new Date()), success);
  }

  @FieldResolver(() => AppointmentTypeView, {
    nullable: true,
    description: "Its appointment type, while the reader may see it (a client: while it is offered to clients).",
  })
  async type(@Root() appointment: AppointmentView, @Ctx() ctx: SubgraphContext) {
    const row = await visibleType(ctx.em, ctx.caller, appointment.row.typeId);
    return row ? typeView(row) : null;
  }

  @FieldResolver(() => AppointmentHostView, { description: "The staff member hosting it." })
  async host(@Root() appointment: AppointmentView, @Ctx() ctx: SubgraphContext) {
    return (await hostViews(ctx.em, [appointment.row.hostStaffId]))[0]!;
  }

  @FieldResolver(() => ContactRef, { description: "The client, as identity's Contact." })
  contact(@Root() appointment: AppointmentView) {
    return ContactRef.of(appointment.row.contactId);
  }

  @FieldResolver(() => Boolean, {
    description: "Whether the reader may cancel or reschedule it now: staff while it is booked, the client until `changeDeadline`.",
  })
  canChange(@Root() appointment: AppointmentView, @Ctx() ctx: SubgraphContext) {
    if (!contactIdOf(ctx.caller) && !canWrite(ctx.caller)) return false;
    return mayChange(ctx.caller, appointment.row, new Date());
  }

  @FieldResolver(() => String, { description: "The appointment as an iCalendar (.ics) file, in UTC, to add to a calendar." })
  ics(@Root() appointment: AppointmentView, @Ctx() ctx: SubgraphContext) {
    return bookingIcs(ctx.em, appointment.row);
  }
}
