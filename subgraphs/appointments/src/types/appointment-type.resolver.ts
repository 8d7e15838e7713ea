import { ConnectionArgs, mapConnection, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { hostViews } from "../shared/hosts.js";
import { asResult } from "../shared/outcomes.js";
import { typeView } from "../shared/views.js";
import type { AppointmentTypeRow } from "./appointment-type.entity.js";
import { createType, listTypes, setArchived, updateType, visibleType } from "./appointment-type.service.js";
import {
  AppointmentHostView,
  AppointmentTypeConnection,
  AppointmentTypeInput,
  AppointmentTypeResult,
  AppointmentTypeSuccess,
  AppointmentTypeView,
} from "./appointment-type.types.js";

@ArgsType()
class AppointmentTypeListArgs extends ConnectionArgs {
  @Field(() => Boolean, { nullable: true, description: "Staff: include archived types." })
  includeArchived?: boolean | null;
}

const success = (row: AppointmentTypeRow) => Object.assign(new AppointmentTypeSuccess(), { appointmentType: typeView(row) });

/** Appointment types: staff define them; clients see the ones they may book. */
@Resolver(() => AppointmentTypeView)
export class AppointmentTypeResolver {
  @Query(() => AppointmentTypeConnection, {
    description: "Staff (or a READ key): the business's appointment types; a client: the ones they may book (not archived). By name.",
  })
  async appointmentTypes(@Args(() => AppointmentTypeListArgs) args: AppointmentTypeListArgs, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    if (ctx.caller.actor.kind !== "contact") requireStaff(ctx.caller, "read");
    return mapConnection(await listTypes(ctx.em, ctx.caller, args), typeView);
  }

  @Query(() => AppointmentTypeView, {
    nullable: true,
    description: "One appointment type: for staff, or a client when they may book it; null for anyone else.",
  })
  async appointmentType(@Arg("id", () => ID, { description: "Appointment type id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    const row = await visibleType(ctx.em, ctx.caller, id);
    return row ? typeView(row) : null;
  }

  @Mutation(() => AppointmentTypeResult, { description: "Staff: a new appointment type." })
  async createAppointmentType(@Arg("input", () => AppointmentTypeInput) input: AppointmentTypeInput, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await createType(ctx.em, businessId, input), success);
  }

  @Mutation(() => AppointmentTypeResult, {
    description: "Staff: change an appointment type (existing bookings keep their time, place and host).",
  })
  async updateAppointmentType(
    @Arg("id", () => ID, { description: "Appointment type id." }) id: string,
    @Arg("input", () => AppointmentTypeInput) input: AppointmentTypeInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    requireStaff(ctx.caller, "write");
    return asResult(await updateType(ctx.em, id, input), success);
  }

  @Mutation(() => AppointmentTypeResult, { description: "Staff: archive a type: no new bookings, hidden from clients; bookings stay." })
  async archiveAppointmentType(@Arg("id", () => ID, { description: "Appointment type id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await setArchived(ctx.em, id, true), success);
  }

  @Mutation(() => AppointmentTypeResult, { description: "Staff: bring an archived type back." })
  async restoreAppointmentType(@Arg("id", () => ID, { description: "Appointment type id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "write");
    return asResult(await setArchived(ctx.em, id, false), success);
  }

  @FieldResolver(() => [AppointmentHostView], { description: "Team members who host it, with their names." })
  hosts(@Root() type: AppointmentTypeView, @Ctx() ctx: SubgraphContext) {
    return hostViews(ctx.em, type.hostStaffIds);
  }
}
