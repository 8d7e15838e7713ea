import { ConnectionArgs, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { CommissionStatus } from "../shared/enums.js";
import { asResult } from "../shared/outcomes.js";
import { approveEarly, cancelCommission, listCommissions } from "./commission.service.js";
import { CommissionConnection, CommissionResult, CommissionSuccess, CommissionView } from "./commission.types.js";

@ArgsType()
class CommissionsArgs extends ConnectionArgs {
  @Field(() => CommissionStatus, { nullable: true, description: "Only commissions in this state." })
  status?: CommissionStatus | null;
  @Field(() => ID, { nullable: true, description: "Only this affiliate's." })
  affiliateId?: string | null;
}

const success = (commission: CommissionView) => Object.assign(new CommissionSuccess(), { commission });

@Resolver(() => CommissionView)
export class CommissionResolver {
  @Query(() => CommissionConnection, { description: "Staff: every commission of the business, newest first." })
  async affiliateCommissions(@Args(() => CommissionsArgs) args: CommissionsArgs, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "read");
    return listCommissions(ctx.em, businessId, { affiliateId: args.affiliateId, status: args.status }, { kind: "staff" }, args);
  }

  @Mutation(() => CommissionResult, { description: "Staff: approve a pending commission before its hold period ends." })
  async approveCommission(
    @Arg("commissionId", () => ID, { description: "Commission id." }) commissionId: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await approveEarly(ctx.em, businessId, commissionId), success);
  }

  @Mutation(() => CommissionResult, { description: "Staff: cancel a pending or approved commission not paid yet, with a reason." })
  async cancelCommission(
    @Arg("commissionId", () => ID, { description: "Commission id." }) commissionId: string,
    @Arg("reason", () => String, { description: "Why (shown to the affiliate), 1–500 characters." }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await cancelCommission(ctx.em, businessId, commissionId, reason), success);
  }
}
