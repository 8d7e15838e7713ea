import { forbidden, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { contactIdOf } from "../shared/access.js";
import { asResult } from "../shared/outcomes.js";
import { createLink, deleteLink } from "./link.service.js";
import { CreateReferralLinkInput, ReferralLinkResult, ReferralLinkSuccess, ReferralLinkView } from "./link.types.js";

const success = (link: ReferralLinkView) => Object.assign(new ReferralLinkSuccess(), { link });

/** A client (or staff, WRITE) may make and delete campaign links; staff for any affiliate, a client for themself. */
function requireLinkEditor(ctx: SubgraphContext): void {
  requireSignedIn(ctx.caller);
  if (contactIdOf(ctx.caller)) return;
  if (ctx.caller.actor.kind === "contact") throw forbidden();
  requireStaff(ctx.caller, "write");
}

@Resolver(() => ReferralLinkView)
export class LinkResolver {
  @Mutation(() => ReferralLinkResult, {
    description: "A campaign link with its own code and landing page (an allowed site). Clients: for themself; staff: for `affiliateId`.",
  })
  async createReferralLink(@Arg("input", () => CreateReferralLinkInput) input: CreateReferralLinkInput, @Ctx() ctx: SubgraphContext) {
    requireLinkEditor(ctx);
    return asResult(await createLink(ctx.em, ctx.caller, input), success);
  }

  @Mutation(() => ReferralLinkResult, { description: "Delete a campaign link (not the default one); its code stays reserved." })
  async deleteReferralLink(@Arg("linkId", () => ID, { description: "Link id." }) linkId: string, @Ctx() ctx: SubgraphContext) {
    requireLinkEditor(ctx);
    return asResult(await deleteLink(ctx.em, ctx.caller, linkId), success);
  }
}
