import { ConnectionType, Multiline, NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { AppointmentLocationKind } from "../shared/enums.js";

@ObjectType("AppointmentLocation", { description: "Where an appointment takes place." })
export class AppointmentLocationView {
  @Field(() => AppointmentLocationKind, { description: "Address, phone or video meeting." })
  kind!: AppointmentLocationKind;
  @Field(() => String, { description: "The address, the phone number to call, or the video meeting's link." })
  value!: string;
}

@ObjectType("AppointmentHost", { description: "A staff member who hosts appointments." })
export class AppointmentHostView {
  @Field(() => ID, { description: "Staff member id." })
  staffId!: string;
  @Field(() => String, { description: "Their name as the team lists it." })
  name!: string;
}

@Directive(`@key(fields: "id")`)
@ObjectType("AppointmentType", {
  description: "A kind of appointment the business offers: its length, place, hosts and booking rules.",
})
export class AppointmentTypeView {
  @Field(() => ID, { description: "Appointment type id." })
  id!: string;
  /** Not exposed: for field resolvers. */
  hostStaffIds!: string[];
  @Field(() => String, { description: "Name, 1–200 characters." })
  name!: string;
  @Field(() => String, { description: "Description (plain text, may have line breaks; empty when none)." })
  description!: string;
  @Field(() => Int, { description: "Length of the appointment in minutes (5–1440)." })
  durationMinutes!: number;
  @Field(() => AppointmentLocationView, { description: "Where it takes place." })
  location!: AppointmentLocationView;
  @Field(() => Int, { description: "Minutes kept free before it in the host's day (0–1440)." })
  bufferBeforeMinutes!: number;
  @Field(() => Int, { description: "Minutes kept free after it in the host's day (0–1440)." })
  bufferAfterMinutes!: number;
  @Field(() => Int, { description: "Clients book at least this many minutes ahead of the start." })
  minimumNoticeMinutes!: number;
  @Field(() => Int, { description: "Clients book at most this many days ahead." })
  bookingWindowDays!: number;
  @Field(() => Int, {
    description: "Clients may cancel or reschedule online until this many minutes before the start (e.g. 1440); staff always may.",
  })
  changeNoticeMinutes!: number;
  @Field(() => Boolean, { description: "Clients may book it themselves in the portal." })
  clientBookable!: boolean;
  @Field(() => [Int], { description: "Reminders to the client, in minutes before the start (default 1440 and 60)." })
  reminderMinutesBefore!: number[];
  @Field(() => Boolean, { description: "Archived: no new bookings, hidden from clients; its bookings stay." })
  archived!: boolean;
}

export const AppointmentTypeConnection = ConnectionType(AppointmentTypeView, "AppointmentType");

@InputType({ description: "Where an appointment takes place." })
export class AppointmentLocationInput {
  @Field(() => AppointmentLocationKind, { description: "Address, phone or video meeting." })
  kind!: AppointmentLocationKind;
  @Field(() => String, { description: "The address, phone number, or the meeting's https:// link (1–500 characters)." })
  @Multiline()
  value!: string;
}

@InputType({ description: "An appointment type's settings (every field is replaced; left out: the default)." })
export class AppointmentTypeInput {
  @Field(() => String, { description: "Name, 1–200 characters." })
  name!: string;
  @Field(() => String, { nullable: true, description: "Description, at most 5000 characters." })
  @Multiline()
  description?: string | null;
  @Field(() => Int, { description: "Length in minutes, 5–1440." })
  durationMinutes!: number;
  @Field(() => AppointmentLocationInput, { description: "Where it takes place." })
  location!: AppointmentLocationInput;
  @Field(() => [ID], { description: "1–20 team members who host it." })
  hostStaffIds!: string[];
  @Field(() => Int, { nullable: true, description: "Minutes kept free before it (default 0)." })
  bufferBeforeMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: "Minutes kept free after it (default 0)." })
  bufferAfterMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: "Clients book at least this many minutes ahead (default 120)." })
  minimumNoticeMinutes?: number | null;
  @Field(() => Int, { nullable: true, description: "Clients book at most this many days ahead, 1–730 (default 60)." })
  bookingWindowDays?: number | null;
  @Field(() => Int, { nullable: true, description: "Clients change or cancel online until this many minutes before (default 1440)." })
  changeNoticeMinutes?: number | null;
  @Field(() => Boolean, { nullable: true, description: "Clients may book it in the portal (default true)." })
  clientBookable?: boolean | null;
  @Field(() => [Int], {
    nullable: true,
    description: "Reminder times in minutes before the start, up to 5 (default [1440, 60]; [] for none).",
  })
  reminderMinutesBefore?: number[] | null;
}

@ObjectType({ description: "The appointment type after the change." })
export class AppointmentTypeSuccess {
  @Field(() => AppointmentTypeView, { description: "The appointment type." })
  appointmentType!: AppointmentTypeView;
}

export const AppointmentTypeResult = createUnionType({
  name: "AppointmentTypeResult",
  description: "Outcome of creating, changing, archiving or restoring an appointment type.",
  types: () => [AppointmentTypeSuccess, ValidationError, NotFoundError] as const,
});
