import { NotFoundError, ValidationError } from "@portal/kit";
import { createUnionType, Field, ID, InputType, Int, ObjectType } from "type-graphql";

@ObjectType("TimeInterval", { description: "A span of a day, local to the staff member's zone." })
export class TimeIntervalView {
  @Field(() => String, { description: 'Start, "HH:MM" (e.g. "09:00").' })
  start!: string;
  @Field(() => String, { description: 'End, "HH:MM" ("24:00" for midnight).' })
  end!: string;
}

@ObjectType("WeeklyHours", { description: "A weekday's available hours." })
export class WeeklyHoursView {
  @Field(() => Int, { description: "ISO weekday: 1 = Monday … 7 = Sunday." })
  weekday!: number;
  @Field(() => [TimeIntervalView], { description: "Its intervals, in order." })
  intervals!: TimeIntervalView[];
}

@ObjectType("DateOverride", { description: "One date's hours replacing the weekly ones." })
export class DateOverrideView {
  @Field(() => String, { description: 'The date, "YYYY-MM-DD", in the staff member\'s zone.' })
  date!: string;
  @Field(() => [TimeIntervalView], { description: "Its intervals; none means a day off." })
  intervals!: TimeIntervalView[];
}

@ObjectType("StaffAvailability", { description: "When a staff member can be booked." })
export class StaffAvailabilityView {
  @Field(() => ID, { description: "Staff member id." })
  staffId!: string;
  @Field(() => String, { description: "Their name as the team lists it." })
  staffName!: string;
  @Field(() => String, { description: 'IANA time zone their hours are in (e.g. "Europe/Paris"; "UTC" until set).' })
  timeZone!: string;
  @Field(() => [WeeklyHoursView], { description: "Weekly hours, weekdays without hours left out." })
  weekly!: WeeklyHoursView[];
  @Field(() => [DateOverrideView], { description: "Date overrides (days off, extra or different hours), by date." })
  overrides!: DateOverrideView[];
}

@InputType({ description: "A span of a day." })
export class TimeIntervalInput {
  @Field(() => String, { description: 'Start, "HH:MM".' })
  start!: string;
  @Field(() => String, { description: 'End, "HH:MM" ("24:00" for midnight), after the start.' })
  end!: string;
}

@InputType({ description: "A weekday's hours." })
export class WeeklyHoursInput {
  @Field(() => Int, { description: "ISO weekday: 1 = Monday … 7 = Sunday." })
  weekday!: number;
  @Field(() => [TimeIntervalInput], { description: "Up to 12 non-overlapping intervals." })
  intervals!: TimeIntervalInput[];
}

@ObjectType({ description: "The availability after the change." })
export class StaffAvailabilitySuccess {
  @Field(() => StaffAvailabilityView, { description: "The staff member's availability." })
  availability!: StaffAvailabilityView;
}

export const StaffAvailabilityResult = createUnionType({
  name: "StaffAvailabilityResult",
  description: "Outcome of changing a staff member's hours or overrides.",
  types: () => [StaffAvailabilitySuccess, ValidationError, NotFoundError] as const,
});
