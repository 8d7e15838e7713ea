import type { SubgraphContext } from "@portal/kit";
import { ContactRef } from "./client/contact-ref.js";
import { canReadInvoicesOf } from "./shared/access.js";
import { isUuid } from "./shared/ids.js";

/**
 * `_entities` lookups of Contact: billing holds no contact data, only the invoice fields, so it
 * resolves a reference for the contact themself or staff of a business (whose queries the tenant
 * filter keeps to their own invoices), and null for anyone else.
 */
export const referenceResolvers = {
  Contact: {
    __resolveReference(reference: { id: string }, ctx: SubgraphContext) {
      if (!ctx.caller.businessId || !isUuid(reference.id)) return null;
      return canReadInvoicesOf(ctx.caller, reference.id) ? ContactRef.of(reference.id) : null;
    },
  },
};
