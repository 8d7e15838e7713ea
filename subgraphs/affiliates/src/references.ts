import { isStaffReader, KnownContact, type SubgraphContext } from "@portal/kit";
import { visibleAffiliate } from "./affiliates/affiliate.service.js";
import { ContactRef } from "./client/contact-ref.js";
import { contactIdOf } from "./shared/access.js";
import { isUuid } from "./shared/ids.js";

/**
 * `_entities` lookups, with the same rules as the queries: an affiliate for staff of its business
 * and the affiliate themself; a Contact (affiliates holds only its id) for the contact themself or
 * staff; null for anyone else, another business included.
 */
export const referenceResolvers = {
  Affiliate: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      return visibleAffiliate(ctx.em, ctx.caller, reference.id);
    },
  },
  Contact: {
    async __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      if (!ctx.caller.businessId || !isUuid(reference.id)) return null;
      if (contactIdOf(ctx.caller) === reference.id) return ContactRef.of(reference.id);
      if (!isStaffReader(ctx.caller)) return null;
      return (await ctx.em.findOne(KnownContact, { contactId: reference.id })) ? ContactRef.of(reference.id) : null;
    },
  },
};
