import { ConnectionArgs, forbidden, requireBusiness, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { balancesOf, listCommissions } from "../commissions/commission.service.js";
import { AffiliateBalanceView, CommissionConnection } from "../commissions/commission.types.js";
import { linksOf } from "../links/link.service.js";
import { ReferralLinkView } from "../links/link.types.js";
import { listPayouts } from "../payouts/payout.service.js";
import { AffiliatePayoutConnection } from "../payouts/payout.types.js";
import { referralsOf } from "../referrals/referral.service.js";
import { ReferralConnection } from "../referrals/referral.types.js";
import { statsOf } from "../stats/stats.service.js";
import { AffiliateStatsView } from "../stats/stats.types.js";
import { type Viewer, viewerOf } from "../shared/access.js";
import { batchLoad } from "../shared/batch.js";
import { CommissionStatus } from "../shared/enums.js";
import { asResult } from "../shared/outcomes.js";
import { affiliateOfContact } from "./affiliate.records.js";
import { listAffiliates, makeAffiliate, removeAffiliate, visibleAffiliate } from "./affiliate.service.js";
import { AffiliateConnection, AffiliateResult, AffiliateSuccess, AffiliateView } from "./affiliate.types.js";

@ArgsType()
class AffiliateListArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Part of the affiliate's name or email." })
  search?: string | null;
}

@ArgsType()
class CommissionListArgs extends ConnectionArgs {
  @Field(() => CommissionStatus, { nullable: true, description: "Only commissions in this state." })
  status?: CommissionStatus | null;
}

const success = (affiliate: AffiliateView) => Object.assign(new AffiliateSuccess(), { affiliate });

/** Figures of an affiliate: staff of their business, or the affiliate themself; anyone else is refused. */
function viewerFor(ctx: SubgraphContext, affiliate: AffiliateView): Viewer {
  const viewer = viewerOf(ctx.caller);
  if (ctx.caller.businessId !== affiliate.businessId) throw forbidden();
  if (viewer.kind === "staff" || (viewer.kind === "contact" && viewer.contactId === affiliate.contactId)) return viewer;
  throw forbidden("Only this affiliate or their business's staff can see their figures");
}

/** Affiliates: staff make and remove them; a client sees their own record and figures. */
@Resolver(() => AffiliateView)
export class AffiliateResolver {
  @Query(() => AffiliateView, {
    nullable: true,
    description: "The signed-in client's own affiliate record, or null when they are not one.",
  })
  async myAffiliate(@Ctx() ctx: SubgraphContext): Promise<AffiliateView | null> {
    requireSignedIn(ctx.caller);
    const viewer = viewerOf(ctx.caller);
    if (viewer.kind !== "contact") return null;
    return affiliateOfContact(ctx.em, requireBusiness(ctx.caller), viewer.contactId);
  }

  @Query(() => AffiliateConnection, { description: "Staff: the business's affiliates, newest first." })
  async affiliates(@Args(() => AffiliateListArgs) args: AffiliateListArgs, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "read");
    return listAffiliates(ctx.em, businessId, args);
  }

  @Query(() => AffiliateView, { nullable: true, description: "One affiliate: for staff, or the affiliate themself; null for anyone else." })
  async affiliate(@Arg("id", () => ID, { description: "Affiliate id." }) id: string, @Ctx() ctx: SubgraphContext) {
    requireSignedIn(ctx.caller);
    return visibleAffiliate(ctx.em, ctx.caller, id);
  }

  @Mutation(() => AffiliateResult, {
    description: "Staff: make a contact an affiliate (or active again), with a default link; identity invites them unless told not to.",
  })
  async makeAffiliate(
    @Arg("contactId", () => ID, { description: "The contact." }) contactId: string,
    @Arg("inviteToPortal", () => Boolean, {
      nullable: true,
      defaultValue: true,
      description: "Invite them to the portal if they have no access.",
    })
    inviteToPortal: boolean,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await makeAffiliate(ctx.em, businessId, contactId, inviteToPortal), success);
  }

  @Mutation(() => AffiliateResult, { description: "Staff: remove an affiliate (their links still open the site but record nothing)." })
  async removeAffiliate(@Arg("affiliateId", () => ID, { description: "Affiliate id." }) affiliateId: string, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await removeAffiliate(ctx.em, businessId, affiliateId), success);
  }

  @FieldResolver(() => [ReferralLinkView], { description: "Their live links, the default first, with each link's figures." })
  async links(@Root() affiliate: AffiliateView, @Ctx() ctx: SubgraphContext) {
    viewerFor(ctx, affiliate);
    const links = await batchLoad(ctx.em, "links", affiliate.id, async (ids) => {
      const byAffiliate = new Map<string, ReferralLinkView[]>(ids.map((id) => [id, []]));
      for (const link of await linksOf(ctx.em, affiliate.businessId, ids)) byAffiliate.get(link.affiliateId)?.push(link);
      return byAffiliate;
    });
    return links ?? [];
  }

  @FieldResolver(() => AffiliateStatsView, { description: "Totals and a daily series over the last `days` days (UTC)." })
  async stats(
    @Root() affiliate: AffiliateView,
    @Arg("days", () => Int, { defaultValue: 90, description: "How many days back, 1–366 (default 90)." }) days: number,
    @Ctx() ctx: SubgraphContext,
  ) {
    viewerFor(ctx, affiliate);
    const stats = await batchLoad(ctx.em, `stats:${days}`, affiliate.id, (ids) => statsOf(ctx.em, affiliate.businessId, ids, days));
    return stats!;
  }

  @FieldResolver(() => [AffiliateBalanceView], { description: "Per currency: pending, approved (owed) and paid." })
  async balances(@Root() affiliate: AffiliateView, @Ctx() ctx: SubgraphContext) {
    viewerFor(ctx, affiliate);
    return (await batchLoad(ctx.em, "balances", affiliate.id, (ids) => balancesOf(ctx.em, affiliate.businessId, ids))) ?? [];
  }

  @FieldResolver(() => ReferralConnection, { description: "The contacts they referred, newest first (masked for the affiliate)." })
  async referrals(@Root() affiliate: AffiliateView, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: SubgraphContext) {
    const viewer = viewerFor(ctx, affiliate);
    return referralsOf(ctx.em, affiliate.businessId, affiliate.id, viewer, args);
  }

  @FieldResolver(() => CommissionConnection, { description: "Their commission history, newest first." })
  async commissions(
    @Root() affiliate: AffiliateView,
    @Args(() => CommissionListArgs) args: CommissionListArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    const viewer = viewerFor(ctx, affiliate);
    return listCommissions(ctx.em, affiliate.businessId, { affiliateId: affiliate.id, status: args.status }, viewer, args);
  }

  @FieldResolver(() => AffiliatePayoutConnection, { description: "Payouts they received, newest first." })
  async payouts(@Root() affiliate: AffiliateView, @Args(() => ConnectionArgs) args: ConnectionArgs, @Ctx() ctx: SubgraphContext) {
    viewerFor(ctx, affiliate);
    return listPayouts(ctx.em, affiliate.businessId, affiliate.id, args);
  }
}
