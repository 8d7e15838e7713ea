import { UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import { type EntityManager, findPage, type PageArgs, ValidationError } from "@portal/kit";
import { sameEmail } from "../auth/sign-in.service.js";
import { EmailTakenError } from "../contacts/contact.errors.js";
import { checkEmail, checkRequiredText, containsPattern, firstError } from "../shared/validation.js";
import { recordStaffChanged } from "./staff-events.js";
import { Staff, type StaffRoleValue } from "./staff.entity.js";

export const STAFF_EMAIL_TAKEN = "A team member already uses this email address";

export interface StaffFields {
  name: string;
  email: string;
  role: StaffRoleValue;
}

export interface StaffListArgs extends PageArgs {
  search?: string | null;
}

/** Every function here runs on a tenant-scoped EntityManager: the filter keeps it in one business. */
export function findStaff(em: EntityManager, id: string): Promise<Staff | null> {
  return em.findOne(Staff, { id });
}

/** The team by name; `search` matches name or email anywhere, case-insensitive. */
export function listStaff(em: EntityManager, args: StaffListArgs) {
  const search = args.search?.trim();
  const where = search ? { $or: [{ name: { $ilike: containsPattern(search) } }, { email: { $ilike: containsPattern(search) } }] } : {};
  return findPage(em, Staff, where, "name", args);
}

export function validateStaff(input: StaffFields): ValidationError | null {
  const role = input.role === "owner" || input.role === "staff" ? null : ValidationError.of("role", "Choose owner or staff");
  return firstError(checkRequiredText("name", "Name", input.name), checkEmail("email", input.email), role);
}

/**
 * Adds a team member to the business of the tenant-scoped `em` and publishes `identity.staff.changed`.
 * `alsoDo` runs in the same transaction (e.g. sending the sign-in link). The unique index (business, lower(email)) is the final
 * word when two requests race past the check.
 */
export async function addStaff(
  em: EntityManager,
  businessId: string,
  input: StaffFields,
  alsoDo?: (tx: EntityManager, staff: Staff) => Promise<void>,
): Promise<Staff | ValidationError | EmailTakenError> {
  const invalid = validateStaff(input);
  if (invalid) return invalid;
  if (await em.count(Staff, { email: sameEmail(input.email) })) return EmailTakenError.of("email", STAFF_EMAIL_TAKEN);
  const staff = Object.assign(new Staff(), { businessId, name: input.name.trim(), email: input.email.trim(), role: input.role });
  try {
    await em.transactional(async (tx) => {
      tx.persist(staff);
      await tx.flush();
      recordStaffChanged(tx, staff);
      await alsoDo?.(tx, staff);
    });
    return staff;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return EmailTakenError.of("email", STAFF_EMAIL_TAKEN);
    throw error;
  }
}
