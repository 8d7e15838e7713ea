import { requireStaff, type Caller, type SubgraphContext } from "@portal/kit";
import { Business } from "./business/business.entity.js";
import { toBusinessView } from "./business/business.types.js";
import { findContact } from "./contacts/contact.service.js";
import { toContactView } from "./contacts/contact.types.js";
import { canSeeContact, requireMember } from "./shared/guards.js";
import { Staff } from "./staff/staff.entity.js";
import { toStaffView } from "./staff/staff.types.js";

type Reference = { id: string };

/** Whether `check` passes without throwing: references answer null rather than failing a whole plan. */
function allowed(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

const isStaffOf = (caller: Caller) => allowed(() => requireStaff(caller, "read"));

/**
 * `_entities` lookups from other subgraphs, with the same rules as the queries: a contact resolves
 * only themself, staff only their own business; operators see any business.
 */
export const referenceResolvers = {
  Contact: {
    async __resolveReference(reference: Reference, ctx: SubgraphContext) {
      if (!ctx.caller.businessId) return null;
      const contact = await findContact(ctx.em, reference.id);
      return contact && canSeeContact(ctx.caller, contact) ? toContactView(contact) : null;
    },
  },
  Business: {
    async __resolveReference(reference: Reference, ctx: SubgraphContext) {
      const visible =
        ctx.caller.actor.kind === "operator" || (reference.id === ctx.caller.businessId && allowed(() => requireMember(ctx.caller)));
      if (!visible) return null;
      const business = await ctx.em.findOne(Business, { id: reference.id });
      return business && toBusinessView(business);
    },
  },
  Staff: {
    async __resolveReference(reference: Reference, ctx: SubgraphContext) {
      if (!ctx.caller.businessId || !isStaffOf(ctx.caller)) return null;
      const staff = await ctx.em.findOne(Staff, { id: reference.id });
      return staff && toStaffView(staff);
    },
  },
};
