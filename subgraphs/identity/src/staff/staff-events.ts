import { recordEvent, type EntityManager } from "@portal/kit";
import type { Staff } from "./staff.entity.js";

export const STAFF_CHANGED = "identity.staff.changed";

/** What other subgraphs may know about a team member (docs/architecture.md, identity events). */
export interface StaffSnapshot {
  id: string;
  name: string;
  email: string;
  /** The API's StaffRole: OWNER or STAFF. */
  role: string;
  /** True once the team member was removed; consumers keep the row for history (names on documents). */
  removed: boolean;
}

export function staffSnapshot(staff: Staff, removed = false): StaffSnapshot {
  const { id, name, email } = staff;
  return { id, name, email, role: staff.role.toUpperCase(), removed };
}

/**
 * Publishes the team member's current state (creation, role change, removal). Call it inside the
 * change's transaction, after the staff row has an id (i.e. after a flush when created).
 */
export function recordStaffChanged(em: EntityManager, staff: Staff, removed = false): void {
  recordEvent(em, STAFF_CHANGED, staff.businessId, { staff: staffSnapshot(staff, removed) });
}
