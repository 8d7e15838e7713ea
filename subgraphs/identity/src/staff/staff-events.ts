import { identity, type StaffSnapshot } from "@portal/contracts";
import { publish, type EntityManager } from "@portal/kit";
import type { Staff } from "./staff.entity.js";

/** What other subgraphs may know about a team member (`StaffSnapshot` in @portal/contracts). */
export function staffSnapshot(staff: Staff, removed = false): StaffSnapshot {
  const { id, name, email } = staff;
  return { id, name, email, role: staff.role.toUpperCase() as StaffSnapshot["role"], removed }; // the API's StaffRole
}

/**
 * Publishes the team member's current state (creation, role change, removal). Call it inside the
 * change's transaction, after the staff row has an id (i.e. after a flush when created).
 */
export function recordStaffChanged(em: EntityManager, staff: Staff, removed = false): void {
  publish(em, identity.staffChanged, staff.businessId, { staff: staffSnapshot(staff, removed) });
}
