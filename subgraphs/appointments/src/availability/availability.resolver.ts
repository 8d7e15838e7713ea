import {
  type EntityManager,
  KnownStaff,
  requireSignedIn,
  requireStaff,
  type SubgraphContext,
  ValidationError,
  isStaffReader,
} from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { isUuid } from "../shared/ids.js";
import { asResult } from "../shared/outcomes.js";
import type { StoredInterval } from "./availability.entity.js";
import { type Availability, readAvailability, removeOverride, setOverride, setWeekly } from "./availability.service.js";
import {
  DateOverrideView,
  StaffAvailabilityResult,
  StaffAvailabilitySuccess,
  StaffAvailabilityView,
  TimeIntervalInput,
  TimeIntervalView,
  WeeklyHoursInput,
  WeeklyHoursView,
} from "./availability.types.js";

const intervals = (list: StoredInterval[]) => list.map((interval) => Object.assign(new TimeIntervalView(), interval));

async function availabilityView(em: EntityManager, availability: Availability): Promise<StaffAvailabilityView> {
  const staff = await em.findOne(KnownStaff, { staffId: availability.staffId });
  return Object.assign(new StaffAvailabilityView(), {
    staffId: availability.staffId,
    staffName: staff?.name ?? "Former team member",
    timeZone: availability.timeZone,
    weekly: availability.weekly.map((day) =>
      Object.assign(new WeeklyHoursView(), { weekday: day.weekday, intervals: intervals(day.intervals) }),
    ),
    overrides: availability.overrides.map((day) =>
      Object.assign(new DateOverrideView(), { date: day.date, intervals: intervals(day.intervals) }),
    ),
  });
}

const plain = (list: TimeIntervalInput[]) => list.map((interval) => ({ start: interval.start, end: interval.end }));

/** Staff availability: weekly hours in an IANA zone and date overrides. */
@Resolver()
export class AvailabilityResolver {
  @Query(() => StaffAvailabilityView, {
    nullable: true,
    description: "Staff (or a READ key): a team member's hours and overrides; null when they are not on the business's team.",
  })
  async staffAvailability(@Arg("staffId", () => ID, { description: "Staff member id." }) staffId: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    if (!isStaffReader(ctx.caller)) requireStaff(ctx.caller, "read");
    const staff = isUuid(staffId) ? await ctx.em.findOne(KnownStaff, { staffId }) : null;
    if (!staff || staff.removed) return null;
    const availability = await readAvailability(ctx.em, staffId);
    return availability ? availabilityView(ctx.em, availability) : null;
  }

  @Mutation(() => StaffAvailabilityResult, {
    description: "Staff: set a team member's weekly hours and time zone (every weekday is replaced).",
  })
  async setWeeklyAvailability(
    @Arg("staffId", () => ID, { description: "Staff member id." }) staffId: string,
    @Arg("timeZone", () => String, { description: 'IANA time zone, e.g. "Europe/Paris".' }) timeZone: string,
    @Arg("weekly", () => [WeeklyHoursInput], { description: "Hours per weekday; weekdays left out are not available." })
    weekly: WeeklyHoursInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    const days = weekly.map((day) => ({ weekday: day.weekday, intervals: plain(day.intervals) }));
    return asResult(await setWeekly(ctx.em, businessId, staffId, timeZone, days), async (availability) =>
      Object.assign(new StaffAvailabilitySuccess(), { availability: await availabilityView(ctx.em, availability) }),
    );
  }

  @Mutation(() => StaffAvailabilityResult, { description: "Staff: one date's hours instead of the weekly ones (no intervals: a day off)." })
  async setDateOverride(
    @Arg("staffId", () => ID, { description: "Staff member id." }) staffId: string,
    @Arg("date", () => String, { description: '"YYYY-MM-DD" in the staff member\'s zone.' }) date: string,
    @Arg("intervals", () => [TimeIntervalInput], { description: "That day's intervals; empty for a day off." }) list: TimeIntervalInput[],
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await setOverride(ctx.em, businessId, staffId, date, plain(list)), async (availability) =>
      Object.assign(new StaffAvailabilitySuccess(), { availability: await availabilityView(ctx.em, availability) }),
    );
  }

  @Mutation(() => StaffAvailabilityResult, { description: "Staff: back to the weekly hours on that date." })
  async removeDateOverride(
    @Arg("staffId", () => ID, { description: "Staff member id." }) staffId: string,
    @Arg("date", () => String, { description: '"YYYY-MM-DD".' }) date: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    const outcome = await removeOverride(ctx.em, businessId, staffId, date);
    if (outcome instanceof ValidationError) return outcome;
    return asResult(outcome, async (availability) =>
      Object.assign(new StaffAvailabilitySuccess(), { availability: await availabilityView(ctx.em, availability) }),
    );
  }
}
