import { randomInt } from "node:crypto";
import {
  type Caller,
  type Connection,
  decodeCursor,
  type EntityManager,
  findRefs,
  KNOWN_CONTACTS,
  NotFoundError,
  pageSize,
  sql,
  toConnection,
  ValidationError,
} from "@portal/kit";
import { publishJoined } from "../events/publishers.js";
import { contactIdOf, viewerOf } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { AFFILIATE_COLUMNS, AFFILIATE_JOIN, type AffiliateColumns, affiliateFromRow, loadAffiliate } from "./affiliate.records.js";
import type { AffiliateView } from "./affiliate.types.js";

const CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A random 8-character code (no look-alike characters), for a default link. */
export function randomCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The affiliate when the caller may see it: staff of the business, or the affiliate themself. */
export async function visibleAffiliate(em: EntityManager, caller: Caller, id: string): Promise<AffiliateView | null> {
  if (!caller.businessId || !isUuid(id)) return null;
  const viewer = viewerOf(caller);
  if (viewer.kind === "none") return null;
  const affiliate = await loadAffiliate(em, caller.businessId, id);
  if (!affiliate) return null;
  return viewer.kind === "staff" || affiliate.contactId === viewer.contactId ? affiliate : null;
}

/** Gives the affiliate a default link when they have none (a new affiliate). Returns its code. */
async function ensureDefaultLink(em: EntityManager, businessId: string, affiliateId: string): Promise<string> {
  const [existing] = await sql<{ code: string }>(
    em,
    `select code from affiliates.referral_link where business_id = ? and affiliate_id = ? and is_default`,
    [businessId, affiliateId],
  );
  if (existing) return existing.code;
  for (;;) {
    const code = randomCode();
    const inserted = await sql<{ code: string }>(
      em,
      `insert into affiliates.referral_link (business_id, affiliate_id, code, is_default) values (?, ?, ?, true)
       on conflict (business_id, code) do nothing returning code`,
      [businessId, affiliateId, code],
    );
    if (inserted[0]) return inserted[0].code;
  }
}

/**
 * Makes the contact an affiliate (or active again), with a default link, and announces it when
 * they joined now: a contact already active changes nothing and announces nothing.
 */
export async function makeAffiliate(
  em: EntityManager,
  businessId: string,
  contactId: string,
  inviteToPortal: boolean | undefined,
): Promise<AffiliateView | ValidationError> {
  const found = await findRefs(em, { contactId: [KNOWN_CONTACTS, contactId] });
  if (found instanceof ValidationError) return found;
  return em.transactional(async (tx) => {
    const [before] = await sql<{ status: string }>(
      tx,
      `select status from affiliates.affiliate where business_id = ? and contact_id = ? for update`,
      [businessId, contactId],
    );
    const [row] = await sql<{ id: string }>(
      tx,
      `insert into affiliates.affiliate (business_id, contact_id) values (?, ?)
       on conflict (business_id, contact_id) do update set status = 'ACTIVE', removed_at = null
       returning id`,
      [businessId, contactId],
    );
    const code = await ensureDefaultLink(tx, businessId, row!.id);
    if (before?.status !== "ACTIVE") publishJoined(tx, businessId, { affiliateId: row!.id, contactId, code, inviteToPortal });
    return (await loadAffiliate(tx, businessId, row!.id))!;
  });
}

/** Removes an affiliate: no new clicks, referrals or commissions; what they earned stays theirs. */
export async function removeAffiliate(em: EntityManager, businessId: string, affiliateId: string): Promise<AffiliateView | NotFoundError> {
  if (!isUuid(affiliateId)) return NotFoundError.of("No such affiliate");
  const updated = await sql(
    em,
    `update affiliates.affiliate set status = 'REMOVED', removed_at = coalesce(removed_at, now()) where business_id = ? and id = ? returning id`,
    [businessId, affiliateId],
  );
  if (updated.length === 0) return NotFoundError.of("No such affiliate");
  return (await loadAffiliate(em, businessId, affiliateId))!;
}

/** Staff's list, newest first, searchable by name or email. */
export async function listAffiliates(
  em: EntityManager,
  businessId: string,
  args: { search?: string | null; first?: number | null; after?: string | null },
): Promise<Connection<AffiliateView>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const search = args.search?.trim() ? `%${args.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = `a.business_id = ? and (?::text is null or kc.name ilike ? or kc.email ilike ?)`;
  const params = [businessId, search, search, search];
  const rows = await sql<AffiliateColumns>(
    em,
    `select ${AFFILIATE_COLUMNS} from ${AFFILIATE_JOIN} where ${where}
       and (?::timestamptz is null or (a.created_at, a.id) < (?::timestamptz, ?::uuid))
     order by a.created_at desc, a.id desc limit ?`,
    [...params, cursor?.sort ?? null, cursor?.sort ?? null, isUuid(cursor?.id) ? cursor.id : null, limit + 1],
  );
  const [count] = await sql<{ n: number }>(em, `select count(*)::int as n from ${AFFILIATE_JOIN} where ${where}`, params);
  const views = rows.map(affiliateFromRow);
  return toConnection(views, limit, count?.n ?? 0, (row) => ({ sort: row.createdAt.toISOString(), id: row.id }), cursor !== null);
}

/** The signed-in client's own affiliate id, or null. */
export function callerContact(caller: Caller): string | null {
  return contactIdOf(caller);
}
