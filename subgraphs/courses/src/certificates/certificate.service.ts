import { type Caller, type EntityManager, isStaffReader, NotFoundError, sql } from "@portal/kit";
import { CourseStateError } from "../courses/course.errors.js";
import { contactIdOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { CertificateRow } from "./certificate.entity.js";

/** Codes are typed from paper: spaces and case do not matter. */
export const normaliseCode = (code: string) => code.trim().toUpperCase().replace(/\s+/g, "");

/**
 * Whether the code is a certificate of this business (the portal's host selected it) that was not
 * revoked. Looks by code within the caller's business only, and answers nothing else.
 */
export async function verifyCertificate(em: EntityManager, businessId: string, code: string): Promise<boolean> {
  const normal = normaliseCode(code);
  if (!/^[A-Z0-9-]{4,40}$/.test(normal)) return false;
  const [row] = await sql<{ valid: boolean }>(
    em,
    `select revoked_at is null as valid from courses.certificate where business_id = ? and code = ?`,
    [businessId, normal],
  );
  return Boolean(row?.valid);
}

/** A certificate for the business's staff, or for its student. */
export async function readableCertificate(em: EntityManager, caller: Caller, id: string): Promise<CertificateRow | null> {
  if (!isUuid(id)) return null;
  const row = await em.findOne(CertificateRow, { id });
  if (!row) return null;
  return isStaffReader(caller) || contactIdOf(caller) === row.contactId ? row : null;
}

export async function revokeCertificate(em: EntityManager, id: string): Promise<CertificateRow | NotFoundError | CourseStateError> {
  const row = isUuid(id) ? await em.findOne(CertificateRow, { id }) : null;
  if (!row) return NotFoundError.of("No such certificate");
  if (row.revokedAt) return CourseStateError.of("The certificate is already revoked");
  row.revokedAt = new Date();
  await em.flush();
  return row;
}
