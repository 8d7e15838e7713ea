import { registerEnumType } from "type-graphql";

export enum AppointmentLocationKind {
  ADDRESS = "ADDRESS",
  PHONE = "PHONE",
  VIDEO = "VIDEO",
}
registerEnumType(AppointmentLocationKind, {
  name: "AppointmentLocationKind",
  description: "Where an appointment takes place: an address, a phone number, or a video-meeting link.",
});

export enum AppointmentStatus {
  BOOKED = "BOOKED",
  RESCHEDULED = "RESCHEDULED",
  CANCELLED = "CANCELLED",
  COMPLETED = "COMPLETED",
  NO_SHOW = "NO_SHOW",
}
registerEnumType(AppointmentStatus, {
  name: "AppointmentStatus",
  description:
    "BOOKED; RESCHEDULED (booked, moved at least once); CANCELLED (by the client or staff); COMPLETED or NO_SHOW (marked by staff once it started).",
});

export enum AppointmentActor {
  CLIENT = "CLIENT",
  STAFF = "STAFF",
}
registerEnumType(AppointmentActor, { name: "AppointmentActor", description: "Who did it: the client or the business's staff." });

export enum AppointmentWhen {
  UPCOMING = "UPCOMING",
  PAST = "PAST",
}
registerEnumType(AppointmentWhen, {
  name: "AppointmentWhen",
  description: "UPCOMING: not ended yet and not cancelled, soonest first; PAST: ended or cancelled, most recent first.",
});
