import { forbidden, isStaffReader, requireBusiness, requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { referralOfContact } from "../referrals/referral.service.js";
import { ReferralView } from "../referrals/referral.types.js";
import { contactIdOf } from "../shared/access.js";
import { summaryOf } from "../stats/stats.service.js";
import { AffiliateSummaryView } from "../stats/stats.types.js";
import { ContactRef } from "./contact-ref.js";

/** The contact's affiliate card and who referred them, federated onto identity's Contact. */
@Resolver(() => ContactRef)
export class ContactAffiliateResolver {
  @FieldResolver(() => AffiliateSummaryView, {
    nullable: true,
    description: "Dashboard card. Null only when affiliates cannot answer; `isAffiliate` is false for everyone else.",
  })
  async affiliateSummary(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<AffiliateSummaryView> {
    requireSignedIn(ctx.caller);
    const businessId = requireBusiness(ctx.caller);
    if (contactIdOf(ctx.caller) !== contact.id && !isStaffReader(ctx.caller))
      throw forbidden("Only this contact or their business's staff can see their affiliate figures");
    return summaryOf(ctx.em, businessId, contact.id);
  }

  @FieldResolver(() => ReferralView, { nullable: true, description: "Staff: who referred this contact, if anyone (null for others)." })
  async referral(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<ReferralView | null> {
    requireSignedIn(ctx.caller);
    if (!isStaffReader(ctx.caller)) return null;
    return referralOfContact(ctx.em, requireBusiness(ctx.caller), contact.id);
  }
}
