import { forbidden, requireSignedIn, requireStaff, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { affiliateOfContact } from "../affiliates/affiliate.records.js";
import { viewerOf } from "../shared/access.js";
import { asResult } from "../shared/outcomes.js";
import { programmeOf, updateProgramme } from "./programme.service.js";
import { AffiliateProgrammeInput, AffiliateProgrammeResult, AffiliateProgrammeSuccess, ProgrammeView } from "./programme.types.js";
import { programmeView } from "./programme.views.js";

/** The programme's terms: staff run them; affiliates read them. */
@Resolver(() => ProgrammeView)
export class ProgrammeResolver {
  @Query(() => ProgrammeView, { description: "The programme's terms: for staff, and for clients who are affiliates (others: FORBIDDEN)." })
  async affiliateProgramme(@Ctx() ctx: SubgraphContext): Promise<ProgrammeView> {
    requireSignedIn(ctx.caller);
    const viewer = viewerOf(ctx.caller);
    const businessId = ctx.caller.businessId;
    if (!businessId || viewer.kind === "none") throw forbidden();
    if (viewer.kind === "contact" && !(await affiliateOfContact(ctx.em, businessId, viewer.contactId)))
      throw forbidden("Only the business's affiliates can read its programme");
    return programmeView(await programmeOf(ctx.em, businessId));
  }

  @Mutation(() => AffiliateProgrammeResult, { description: "Staff: change the programme's settings (a ValidationError names the field)." })
  async updateAffiliateProgramme(@Arg("input", () => AffiliateProgrammeInput) input: AffiliateProgrammeInput, @Ctx() ctx: SubgraphContext) {
    const { businessId } = requireStaff(ctx.caller, "write");
    return asResult(await updateProgramme(ctx.em, businessId, input), (row) =>
      Object.assign(new AffiliateProgrammeSuccess(), { programme: programmeView(row) }),
    );
  }
}
