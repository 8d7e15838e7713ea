import { ConnectionArgs, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { mapConnection } from "../shared/connections.js";
import { linkSettingsOf } from "../options.js";
import type { IdentityDeps } from "../shared/deps.js";
import { requireOwner } from "./owner.guard.js";
import { Staff } from "./staff.entity.js";
import { listStaff } from "./staff.service.js";
import { StaffRole, toStaffRoleValue, toStaffView } from "./staff.types.js";
import { inviteStaff, removeStaff, updateStaffRole } from "./team.service.js";
import {
  InviteStaffInput,
  RemoveStaffResult,
  RemoveStaffSuccess,
  StaffConnection,
  StaffResult,
  StaffSuccess,
  UpdateStaffRoleResult,
} from "./team.types.js";

@ArgsType()
class StaffListArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Matches name or email, case-insensitive, anywhere in the text." })
  search?: string | null;
}

const staffSuccess = (staff: Staff) => Object.assign(new StaffSuccess(), { staff: toStaffView(staff) });

/** The business's team: anyone on it (or a READ key) can see it; only owners change it. */
@Resolver()
export class TeamResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => StaffConnection, { description: "Staff or READ API key: the business's team members by name." })
  async staffMembers(@Args(() => StaffListArgs) args: StaffListArgs, @Ctx() ctx: SubgraphContext) {
    requireStaff(ctx.caller, "read");
    return mapConnection(await listStaff(ctx.em, args), toStaffView);
  }

  @Mutation(() => StaffResult, {
    description: "Owner: adds a team member and emails them a sign-in link (valid 15 minutes; they can ask for another).",
  })
  async inviteStaff(
    @Arg("input", () => InviteStaffInput) input: InviteStaffInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof StaffResult> {
    const { businessId } = await requireOwner(ctx.em, ctx.caller);
    const result = await inviteStaff(ctx.em, linkSettingsOf(this.deps.options), businessId, {
      name: input.name,
      email: input.email,
      role: toStaffRoleValue(input.role),
    });
    return result instanceof Staff ? staffSuccess(result) : result;
  }

  @Mutation(() => UpdateStaffRoleResult, {
    description: "Owner: makes a team member an owner or staff. The last owner cannot be made staff.",
  })
  async updateStaffRole(
    @Arg("staffId", () => ID) staffId: string,
    @Arg("role", () => StaffRole) role: StaffRole,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof UpdateStaffRoleResult> {
    await requireOwner(ctx.em, ctx.caller);
    const result = await updateStaffRole(ctx.em, staffId, toStaffRoleValue(role));
    return result instanceof Staff ? staffSuccess(result) : result;
  }

  @Mutation(() => RemoveStaffResult, {
    description: "Owner: removes a team member; their sessions and live connections end at once. Owners cannot remove themselves.",
  })
  async removeStaff(@Arg("staffId", () => ID) staffId: string, @Ctx() ctx: SubgraphContext): Promise<typeof RemoveStaffResult> {
    const { businessId, owner } = await requireOwner(ctx.em, ctx.caller);
    const result = await removeStaff(ctx.em, businessId, owner.id, staffId);
    return result instanceof Staff ? Object.assign(new RemoveStaffSuccess(), { removedStaffId: staffId }) : result;
  }
}
