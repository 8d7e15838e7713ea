import { requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { asResult } from "../shared/outcomes.js";
import { setContactReferrer } from "./referral.service.js";
import { ReferralResult, ReferralSuccess, ReferralView } from "./referral.types.js";

@Resolver(() => ReferralView)
export class ReferralResolver {
  @Mutation(() => ReferralResult, {
    description: "Staff: who referred this contact (null removes it). Not once their payments earned a commission.",
  })
  async setContactReferrer(
    @Arg("contactId", () => ID, { description: "The referred contact." }) contactId: string,
    @Arg("affiliateId", () => ID, { nullable: true, description: "The affiliate; null for nobody." }) affiliateId: string | null,
    @Ctx() ctx: SubgraphContext,
  ) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await setContactReferrer(ctx.em, businessId, contactId, affiliateId ?? null), (referral) =>
      Object.assign(new ReferralSuccess(), { referral }),
    );
  }
}
