import { ConnectionArgs, type EntityManager, mapConnection, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { Offer } from "./offer.entity.js";
import { createOffer, findOffer, listOffers, offerPageUrl, portalUrlOf, setOfferStatus, updateOffer } from "./offer.service.js";
import { OfferConnection, OfferInput, OfferResult, OfferStatus, OfferSuccess, OfferView, toOfferView } from "./offer.types.js";

@ArgsType()
class OfferListArgs extends ConnectionArgs {
  @Field(() => OfferStatus, { nullable: true, description: "Only offers in this status." })
  status?: OfferStatus | null;
}

async function asOfferResult(em: EntityManager, result: Offer | object): Promise<typeof OfferResult> {
  if (!(result instanceof Offer)) return result as typeof OfferResult;
  const portalUrl = await portalUrlOf(em, result.businessId);
  return Object.assign(new OfferSuccess(), { offer: toOfferView(result, offerPageUrl(portalUrl, result.slug)) });
}

/** Staff (or API keys: READ to read, WRITE to change) manage the business's offers. */
@Resolver(() => OfferView)
export class OfferResolver {
  @Query(() => OfferConnection, { description: "Staff: the business's offers by name, optionally only ACTIVE or ARCHIVED ones." })
  async offers(@Args(() => OfferListArgs) args: OfferListArgs, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "read");
    const status = args.status ? (args.status.toLowerCase() as "active" | "archived") : null;
    const [page, portalUrl] = await Promise.all([listOffers(ctx.em, { ...args, status }), portalUrlOf(ctx.em, businessId)]);
    return mapConnection(page, (offer) => toOfferView(offer, offerPageUrl(portalUrl, offer.slug)));
  }

  @Query(() => OfferView, { nullable: true, description: "Staff: one offer of the business; null for another business's." })
  async offer(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<OfferView | null> {
    requireStaff(ctx.caller, "read");
    const offer = await findOffer(ctx.em, id);
    return offer ? toOfferView(offer, offerPageUrl(await portalUrlOf(ctx.em, offer.businessId), offer.slug)) : null;
  }

  @Mutation(() => OfferResult, { description: "Staff: a new ACTIVE offer; its page sells at once." })
  async createOffer(@Arg("input", () => OfferInput) input: OfferInput, @Ctx() ctx: SubgraphContext): Promise<typeof OfferResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asOfferResult(ctx.em, await createOffer(ctx.em, businessId, input));
  }

  @Mutation(() => OfferResult, { description: "Staff: edits an offer; orders already placed keep what they bought." })
  async updateOffer(
    @Arg("id", () => ID) id: string,
    @Arg("input", () => OfferInput) input: OfferInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof OfferResult> {
    requireStaff(ctx.caller, "write");
    return asOfferResult(ctx.em, await updateOffer(ctx.em, id, input));
  }

  @Mutation(() => OfferResult, { description: "Staff: stops selling the offer (its page is gone); its orders stay." })
  async archiveOffer(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof OfferResult> {
    requireStaff(ctx.caller, "write");
    return asOfferResult(ctx.em, await setOfferStatus(ctx.em, id, "archived"));
  }

  @Mutation(() => OfferResult, { description: "Staff: sells an archived offer again." })
  async restoreOffer(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<typeof OfferResult> {
    requireStaff(ctx.caller, "write");
    return asOfferResult(ctx.em, await setOfferStatus(ctx.em, id, "active"));
  }
}
