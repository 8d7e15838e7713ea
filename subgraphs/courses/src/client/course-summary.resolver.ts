import { forbidden, isStaffReader, requireBusiness, requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { CourseSummaryView } from "../figures/figures.types.js";
import { contactIdOf } from "../shared/access.js";
import { ContactRef } from "./contact-ref.js";
import { courseSummaryOf } from "./course-summary.service.js";

/**
 * The contact's courses for the dashboard card, federated onto identity's Contact. Nullable so that
 * when courses fails or is down only this field is null, not the contact or other sections.
 */
@Resolver(() => ContactRef)
export class CourseSummaryResolver {
  @FieldResolver(() => CourseSummaryView, {
    nullable: true,
    description:
      "Published courses the contact is enrolled in and their overall progress. Null only when courses cannot answer (see errors).",
  })
  async courseSummary(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<CourseSummaryView> {
    requireSignedIn(ctx.caller);
    const businessId = requireBusiness(ctx.caller);
    if (contactIdOf(ctx.caller) !== contact.id && !isStaffReader(ctx.caller))
      throw forbidden("Only this contact or their business's staff can see their courses");
    return Object.assign(new CourseSummaryView(), await courseSummaryOf(ctx.em, businessId, contact.id));
  }
}
