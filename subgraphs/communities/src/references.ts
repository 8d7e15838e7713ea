import { isStaffReader, KnownContact, type SubgraphContext } from "@portal/kit";
import { ContactRef } from "./client/contact-ref.js";
import { readablePost } from "./feed/post.service.js";
import { groupAccess } from "./groups/group-access.js";
import { contactIdOf } from "./shared/access.js";
import { isUuid } from "./shared/ids.js";
import { groupView, postView } from "./shared/views.js";

/**
 * `_entities` lookups, with the same rules as the queries: a group or post for its members and the
 * business's staff; a Contact (communities holds only its id) for the contact themself or staff;
 * null for anyone else, another business included.
 */
export const referenceResolvers = {
  CommunityGroup: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      const access = await groupAccess(ctx.em, ctx.caller, reference.id);
      return access ? groupView(access.group) : null;
    },
  },
  CommunityPost: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      const found = await readablePost(ctx.em, ctx.caller, reference.id);
      return found ? postView(found.post) : null;
    },
  },
  Contact: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      if (!ctx.caller.businessId || !isUuid(reference.id)) return null;
      if (contactIdOf(ctx.caller) === reference.id) return ContactRef.of(reference.id);
      // Staff: only a contact of their own business (the tenant filter hides the others).
      if (!isStaffReader(ctx.caller)) return null;
      return (await ctx.em.findOne(KnownContact, { contactId: reference.id })) ? ContactRef.of(reference.id) : null;
    },
  },
};
