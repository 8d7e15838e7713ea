import { forbidden, unauthenticated, type Caller, type EntityManager } from "@portal/kit";
import { requireStaffPerson } from "../shared/guards.js";
import { Staff } from "./staff.entity.js";

/**
 * The calling owner, re-read from the database: the role in the gateway's cached authentication may
 * predate a demotion. Contacts and API keys are refused; managing people is never delegated to keys.
 */
export async function requireOwner(em: EntityManager, caller: Caller): Promise<{ businessId: string; owner: Staff }> {
  const { businessId, staffId } = requireStaffPerson(caller);
  const owner = await em.findOne(Staff, { id: staffId });
  if (!owner) throw unauthenticated("Your team membership has ended");
  if (owner.role !== "owner") throw forbidden("Only an owner of the business can manage the team");
  return { businessId, owner };
}
