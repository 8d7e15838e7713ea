import { LockMode } from "@mikro-orm/postgresql";
import { NotFoundError, ValidationError, type EntityManager } from "@portal/kit";
import { endSessionsOf } from "../auth/session.service.js";
import type { LinkSettings } from "../auth/one-time-links.js";
import { recordSignInLink } from "../auth/sign-in.service.js";
import { Business } from "../business/business.entity.js";
import type { EmailTakenError } from "../contacts/contact.errors.js";
import { announceRevoked } from "../shared/live-topics.js";
import { recipientOf } from "../shared/snapshots.js";
import { recordStaffChanged } from "./staff-events.js";
import { Staff, type StaffRoleValue } from "./staff.entity.js";
import { addStaff, type StaffFields } from "./staff.service.js";
import { CannotRemoveSelfError, LastOwnerError } from "./team.errors.js";

/**
 * Adds a team member and emails them a sign-in link: the same `identity.sign_in.requested` event
 * (audience staff, `/admin/auth/confirm`) as when staff ask for one themselves.
 */
export function inviteStaff(
  em: EntityManager,
  links: LinkSettings,
  businessId: string,
  input: StaffFields,
): Promise<Staff | ValidationError | EmailTakenError> {
  return addStaff(em, businessId, input, async (tx, staff) => {
    const business = await tx.findOneOrFail(Business, { id: businessId });
    recordSignInLink(tx, links, business, "staff", { staffId: staff.id }, recipientOf(staff));
  });
}

/**
 * The business's owners, locked until the transaction ends, so two owners demoting or removing each
 * other at the same moment cannot leave the business with none.
 */
function lockOwners(tx: EntityManager): Promise<Staff[]> {
  return tx.find(Staff, { role: "owner" }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: "asc" } });
}

export async function updateStaffRole(
  em: EntityManager,
  staffId: string,
  role: StaffRoleValue,
): Promise<Staff | NotFoundError | LastOwnerError> {
  return em.transactional(async (tx) => {
    const owners = await lockOwners(tx);
    const staff = await tx.findOne(Staff, { id: staffId });
    if (!staff) return NotFoundError.of("No such team member");
    if (staff.role === "owner" && role !== "owner" && owners.length <= 1) return LastOwnerError.of();
    if (staff.role !== role) {
      staff.role = role;
      recordStaffChanged(tx, staff);
    }
    return staff;
  });
}

/**
 * Removes a team member: their sessions end in the same transaction and the gateway is told to drop
 * them and close their sockets (as when a contact's access is removed). Pending sign-in links go with
 * the row (foreign key cascade).
 */
export async function removeStaff(
  em: EntityManager,
  businessId: string,
  ownerId: string,
  staffId: string,
): Promise<Staff | NotFoundError | LastOwnerError | CannotRemoveSelfError> {
  return em.transactional(async (tx) => {
    const owners = await lockOwners(tx);
    const staff = await tx.findOne(Staff, { id: staffId });
    if (!staff) return NotFoundError.of("No such team member");
    if (staff.id === ownerId) return CannotRemoveSelfError.of();
    if (staff.role === "owner" && owners.length <= 1) return LastOwnerError.of();
    const sessionIds = await endSessionsOf(tx, "staff", staff.id);
    tx.remove(staff);
    recordStaffChanged(tx, staff, true);
    await announceRevoked(tx, businessId, { sessionIds });
    return staff;
  });
}
