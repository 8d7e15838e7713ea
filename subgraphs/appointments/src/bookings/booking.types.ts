import { ConnectionArgs, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { ConnectionType } from "@portal/kit";
import { ArgsType, createUnionType, Directive, Field, ID, InputType, ObjectType } from "type-graphql";
import { AppointmentStateError, SlotTakenError, TooLateToChangeError } from "../shared/error.types.js";
import { AppointmentActor, AppointmentStatus, AppointmentWhen } from "../shared/enums.js";
import { AppointmentLocationView } from "../types/appointment-type.types.js";
import type { BookingRow } from "./booking.entity.js";

@ObjectType("AvailableSlot", { description: "A free time to book: at least one host of the type is free for it." })
export class AvailableSlotView {
  @Field(() => Date, { description: "Start (UTC instant)." })
  startsAt!: Date;
  @Field(() => Date, { description: "End (UTC instant)." })
  endsAt!: Date;
  @Field(() => [ID], { description: "The hosts free at that time, in the type's order." })
  hostStaffIds!: string[];
}

@Directive(`@key(fields: "id")`)
@ObjectType("Appointment", { description: "A booked appointment: its time, place, host and client, and its state." })
export class AppointmentView {
  /** Not exposed: for field resolvers. */
  row!: BookingRow;
  @Field(() => ID, { description: "Appointment id (kept when it is rescheduled)." })
  id!: string;
  @Field(() => String, { description: "The appointment type's name when it was booked." })
  typeName!: string;
  @Field(() => Date, { description: "Start (UTC instant)." })
  startsAt!: Date;
  @Field(() => Date, { description: "End (UTC instant)." })
  endsAt!: Date;
  @Field(() => AppointmentStatus, { description: "Booked, rescheduled, cancelled, completed or no-show." })
  status!: AppointmentStatus;
  @Field(() => AppointmentLocationView, { description: "Where it takes place (as the type said when booked)." })
  location!: AppointmentLocationView;
  @Field(() => String, {
    description: "IANA zone the client's times are shown in: the zone their portal sent when booking, else the host's.",
  })
  clientTimeZone!: string;
  @Field(() => AppointmentActor, { nullable: true, description: "Who cancelled it, when cancelled." })
  cancelledBy!: AppointmentActor | null;
  @Field(() => String, { nullable: true, description: "Why, as the person who cancelled wrote it (may be empty)." })
  cancelReason!: string | null;
  @Field(() => Date, { nullable: true, description: "When it was cancelled." })
  cancelledAt!: Date | null;
  @Field(() => Date, { description: "The last moment the client may cancel or reschedule online (start less the type's notice)." })
  changeDeadline!: Date;
  @Field(() => AppointmentActor, { description: "Who booked it." })
  bookedBy!: AppointmentActor;
  @Field(() => Date, { description: "When it was booked." })
  createdAt!: Date;
}

export const AppointmentConnection = ConnectionType(AppointmentView, "Appointment");

@InputType({ description: "A booking: the type, a free start time, and (staff) the contact." })
export class BookAppointmentInput {
  @Field(() => ID, { description: "Appointment type id." })
  typeId!: string;
  @Field(() => Date, { description: "Start: one of `appointmentSlots`' times." })
  startsAt!: Date;
  @Field(() => ID, { nullable: true, description: "A particular host (one of the type's); left out: any free host." })
  hostStaffId?: string | null;
  @Field(() => ID, { nullable: true, description: "Staff: the contact it is for (a client books for themself)." })
  contactId?: string | null;
  @Field(() => String, { nullable: true, description: "The client's IANA time zone (the portal sends the browser's); default the host's." })
  clientTimeZone?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Staff: invite a contact without portal access to the portal with the confirmation (default true).",
  })
  inviteToPortal?: boolean | null;
}

@ObjectType({ description: "The appointment after the change." })
export class AppointmentSuccess {
  @Field(() => AppointmentView, { description: "The appointment." })
  appointment!: AppointmentView;
}

export const AppointmentResult = createUnionType({
  name: "AppointmentResult",
  description: "Outcome of booking, rescheduling, cancelling or marking an appointment.",
  types: () => [AppointmentSuccess, ValidationError, NotFoundError, SlotTakenError, TooLateToChangeError, AppointmentStateError] as const,
});

@ArgsType()
export class MyAppointmentsArgs extends ConnectionArgs {
  @Field(() => AppointmentWhen, { defaultValue: AppointmentWhen.UPCOMING, description: "Upcoming (default) or past." })
  when!: AppointmentWhen;
}

@ArgsType()
export class AgendaArgs extends ConnectionArgs {
  @Field(() => Date, { description: "Appointments starting at or after this instant." })
  from!: Date;
  @Field(() => Date, { description: "... and before this one." })
  to!: Date;
  @Field(() => ID, { nullable: true, description: "Only this host's." })
  hostStaffId?: string | null;
}

@ArgsType()
export class CancelArgs {
  @Field(() => ID, { description: "Appointment id." })
  id!: string;
  @Field(() => String, { nullable: true, description: "Why (at most 2000 characters); told to the other party." })
  @Multiline()
  reason?: string | null;
}

@ObjectType("AppointmentSummary", { description: "A contact's appointments for the portal's dashboard card." })
export class AppointmentSummaryView {
  @Field(() => Boolean, { description: "They have an upcoming appointment." })
  hasAppointments!: boolean;
  @Field(() => Boolean, { description: "At least one appointment type is offered to clients in the portal." })
  canBook!: boolean;
  @Field(() => AppointmentView, { nullable: true, description: "Their next appointment, if any." })
  next!: AppointmentView | null;
}

@ObjectType("CalendarFeed", { description: "A secret iCalendar URL to subscribe to one's appointments from a calendar app." })
export class CalendarFeedView {
  @Field(() => String, { description: "The URL (keep it private; `resetCalendarFeed` replaces it)." })
  url!: string;
}

@ObjectType({ description: "The new calendar feed URL." })
export class CalendarFeedSuccess {
  @Field(() => CalendarFeedView, { description: "The feed." })
  feed!: CalendarFeedView;
}

export const CalendarFeedResult = createUnionType({
  name: "CalendarFeedResult",
  description: "Outcome of resetting one's calendar feed.",
  types: () => [CalendarFeedSuccess, NotFoundError] as const,
});
