import { isStaffReader } from "@portal/kit";
import type { SubgraphContext } from "@portal/kit";
import { ContactRef } from "./client/contact-ref.js";
import { readableView } from "./documents/document-access.js";
import { partyOf } from "./shared/access.js";
import { isUuid } from "./shared/ids.js";

/**
 * `_entities` lookups, with the same rules as the queries: a Document for staff of its business or
 * its recipients once sent; a Contact (documents holds only its id) for the contact themself or
 * staff of the business; null for anyone else.
 */
export const referenceResolvers = {
  Document: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      return readableView(ctx.em, ctx.caller, reference.id);
    },
  },
  Contact: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      if (!ctx.caller.businessId || !isUuid(reference.id)) return null;
      const party = partyOf(ctx.caller);
      const self = party?.kind === "contact" && party.id === reference.id;
      return self || isStaffReader(ctx.caller) ? ContactRef.of(reference.id) : null;
    },
  },
};
