import { ConnectionArgs, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { asResult } from "../shared/outcomes.js";
import { listPayouts, payoutsCsv, payoutsDue, recordPayout } from "./payout.service.js";
import { AffiliatePayoutConnection, AffiliatePayoutResult, AffiliatePayoutSuccess, PayoutDueView, PayoutView } from "./payout.types.js";

@ArgsType()
class PayoutsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Only this affiliate's." })
  affiliateId?: string | null;
}

@Resolver(() => PayoutView)
export class PayoutResolver {
  @Query(() => [PayoutDueView], {
    description: "Staff: what each affiliate is owed per currency, at or above the minimum payout, largest first.",
  })
  async affiliatePayoutsDue(@Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "read");
    return payoutsDue(ctx.em, businessId);
  }

  @Query(() => AffiliatePayoutConnection, { description: "Staff: payouts recorded, newest first." })
  async affiliatePayouts(@Args(() => PayoutsArgs) args: PayoutsArgs, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "read");
    return listPayouts(ctx.em, businessId, args.affiliateId ?? null, args);
  }

  @Query(() => String, {
    description:
      "Staff: payouts paid in [from, to) as CSV (Paid at, Affiliate, Email, Currency, Amount, Amount (minor units), Reference, Commissions, Payout id).",
  })
  async affiliatePayoutsCsv(
    @Arg("from", () => Date, { nullable: true, description: "From this moment (inclusive); all when left out." }) from: Date | null,
    @Arg("to", () => Date, { nullable: true, description: "Until this moment (exclusive); all when left out." }) to: Date | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "read");
    return payoutsCsv(ctx.em, businessId, from ?? null, to ?? null);
  }

  @Mutation(() => AffiliatePayoutResult, {
    description: "Staff: record that an affiliate was paid: settles every approved line of that currency when it reaches the minimum.",
  })
  async recordAffiliatePayout(
    @Arg("affiliateId", () => ID, { description: "Affiliate id." }) affiliateId: string,
    @Arg("currency", () => String, { description: "ISO 4217 currency code." }) currency: string,
    @Arg("reference", () => String, { description: "The transfer's reference (bank reference, PayPal id…), 1–200 characters." })
    reference: string,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await recordPayout(ctx.em, businessId, { affiliateId, currency, reference }), (payout) =>
      Object.assign(new AffiliatePayoutSuccess(), { payout }),
    );
  }
}
