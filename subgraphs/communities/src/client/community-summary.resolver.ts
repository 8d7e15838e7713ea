import { forbidden, isStaffReader, requireBusiness, requireSignedIn, type SubgraphContext } from "@portal/kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { unreadCounts } from "../groups/unread.js";
import { CommunitySummary } from "../groups/group.types.js";
import { contactIdOf } from "../shared/access.js";
import { ContactRef } from "./contact-ref.js";

/**
 * The contact's communities for the dashboard card, federated onto identity's Contact. Nullable so
 * that when communities fails or is down only this field is null, not the contact or other sections.
 */
@Resolver(() => ContactRef)
export class CommunitySummaryResolver {
  @FieldResolver(() => CommunitySummary, {
    nullable: true,
    description: "Groups the contact belongs to and what is unread in them. Null only when communities cannot answer (see errors).",
  })
  async communitySummary(@Root() contact: ContactRef, @Ctx() ctx: SubgraphContext): Promise<CommunitySummary> {
    requireSignedIn(ctx.caller);
    const businessId = requireBusiness(ctx.caller);
    if (contactIdOf(ctx.caller) !== contact.id && !isStaffReader(ctx.caller))
      throw forbidden("Only this contact or their business's staff can see their communities");
    const counts = await unreadCounts(ctx.em, businessId, contact.id, null);
    return Object.assign(new CommunitySummary(), {
      hasGroups: counts.size > 0,
      groupCount: counts.size,
      unreadCount: [...counts.values()].reduce((sum, count) => sum + count, 0),
    });
  }
}
