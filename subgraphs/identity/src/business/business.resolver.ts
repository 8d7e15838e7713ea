import { ConnectionArgs, requireOperator, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Args, ArgsType, Ctx, Field, ID, Mutation, Query, Resolver } from "type-graphql";
import { portalUrlsOf } from "../options.js";
import { mapConnection } from "../shared/connections.js";
import type { IdentityDeps } from "../shared/deps.js";
import { Business } from "./business.entity.js";
import { createBusiness, findBusiness, listBusinesses, updateBranding, updateHostNames, updatePortalSettings } from "./business.service.js";
import {
  BrandingInput,
  BusinessConnection,
  BusinessResult,
  BusinessSuccess,
  BusinessView,
  CreateBusinessInput,
  PortalSettingsInput,
  PortalSettingsResult,
  PortalSettingsSuccess,
  toBusinessView,
  toSettings,
} from "./business.types.js";

@ArgsType()
class BusinessListArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: "Matches name or slug, case-insensitive." })
  search?: string | null;
}

const asBusinessResult = <E>(result: Business | E) =>
  result instanceof Business ? Object.assign(new BusinessSuccess(), { business: toBusinessView(result) }) : result;

@Resolver()
export class BusinessResolver {
  constructor(private readonly deps: IdentityDeps) {}

  @Query(() => BusinessView, { nullable: true, description: "Staff: the caller's business with its branding, host names and settings." })
  async business(@Ctx() ctx: SubgraphContext): Promise<BusinessView | null> {
    const business = await findBusiness(ctx.em, requireStaff(ctx.caller, "read").businessId);
    return business && toBusinessView(business);
  }

  @Query(() => BusinessConnection, { description: "Operator: all businesses by name." })
  async businesses(@Args(() => BusinessListArgs) args: BusinessListArgs, @Ctx() ctx: SubgraphContext) {
    requireOperator(ctx.caller);
    return mapConnection(await listBusinesses(ctx.em, args), toBusinessView);
  }

  @Query(() => BusinessView, { nullable: true, description: "Operator: one business." })
  async businessById(@Arg("id", () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<BusinessView | null> {
    requireOperator(ctx.caller);
    const business = await findBusiness(ctx.em, id);
    return business && toBusinessView(business);
  }

  @Mutation(() => PortalSettingsResult, { description: "Staff: edits the welcome message and section toggles." })
  async updatePortalSettings(
    @Arg("input", () => PortalSettingsInput) input: PortalSettingsInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof PortalSettingsResult> {
    const { businessId } = requireStaff(ctx.caller, "write");
    const result = await updatePortalSettings(ctx.em, portalUrlsOf(this.deps.options), businessId, input);
    if (result instanceof Business) return Object.assign(new PortalSettingsSuccess(), { settings: toSettings(result) });
    if ("field" in result) return result;
    throw new Error("The caller's business no longer exists");
  }

  @Mutation(() => BusinessResult, { description: "Operator: creates a business with default branding and its owner." })
  async createBusiness(
    @Arg("input", () => CreateBusinessInput) input: CreateBusinessInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof BusinessResult> {
    requireOperator(ctx.caller);
    return asBusinessResult(await createBusiness(ctx.em, portalUrlsOf(this.deps.options), input));
  }

  @Mutation(() => BusinessResult, { description: "Operator: sets a business's name on the portal, logo and colours." })
  async updateBranding(
    @Arg("businessId", () => ID) businessId: string,
    @Arg("input", () => BrandingInput) input: BrandingInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof BusinessResult> {
    requireOperator(ctx.caller);
    return asBusinessResult(await updateBranding(ctx.em, portalUrlsOf(this.deps.options), businessId, input));
  }

  @Mutation(() => BusinessResult, { description: "Operator: sets the host names serving a business's portal (unique across businesses)." })
  async updateHostNames(
    @Arg("businessId", () => ID) businessId: string,
    @Arg("hostNames", () => [String]) hostNames: string[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<typeof BusinessResult> {
    requireOperator(ctx.caller);
    return asBusinessResult(await updateHostNames(ctx.em, portalUrlsOf(this.deps.options), businessId, hostNames));
  }
}
