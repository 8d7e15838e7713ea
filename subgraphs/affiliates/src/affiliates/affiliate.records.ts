import { type EntityManager, sql } from "@portal/kit";
import { AffiliateStatus } from "../shared/enums.js";
import { isUuid, uuidArray } from "../shared/ids.js";
import { AffiliateView } from "./affiliate.types.js";

/** The columns an `AffiliateView` is built from, for joins in other features' lists (alias `a` and contact `kc`). */
export const AFFILIATE_COLUMNS = `a.id as affiliate_id, a.business_id as affiliate_business_id, a.contact_id as affiliate_contact_id,
  coalesce(kc.name, '') as affiliate_name, coalesce(kc.email, '') as affiliate_email, coalesce(kc.first_name, '') as affiliate_first_name,
  a.status as affiliate_status, a.created_at as affiliate_created_at`;

/** `affiliates.affiliate a left join known_contact kc`: the affiliate with their name and email. */
export const AFFILIATE_JOIN = `affiliates.affiliate a left join affiliates.known_contact kc on kc.contact_id = a.contact_id and kc.business_id = a.business_id`;

export interface AffiliateColumns {
  affiliate_id: string;
  affiliate_business_id: string;
  affiliate_contact_id: string;
  affiliate_name: string;
  affiliate_email: string;
  affiliate_first_name: string;
  affiliate_status: string;
  affiliate_created_at: Date | string;
}

export function affiliateFromRow(row: AffiliateColumns): AffiliateView {
  return Object.assign(new AffiliateView(), {
    id: row.affiliate_id,
    businessId: row.affiliate_business_id,
    contactId: row.affiliate_contact_id,
    name: row.affiliate_name,
    email: row.affiliate_email,
    firstName: row.affiliate_first_name,
    status: row.affiliate_status as AffiliateStatus,
    createdAt: new Date(row.affiliate_created_at),
  });
}

/** Affiliates of the business by id, with their names (one statement). */
export async function loadAffiliates(em: EntityManager, businessId: string, ids: string[]): Promise<AffiliateView[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  const rows = await sql<AffiliateColumns>(
    em,
    `select ${AFFILIATE_COLUMNS} from ${AFFILIATE_JOIN} where a.business_id = ? and a.id = any(?::uuid[])`,
    [businessId, uuidArray(wanted)],
  );
  return rows.map(affiliateFromRow);
}

export async function loadAffiliate(em: EntityManager, businessId: string, id: string): Promise<AffiliateView | null> {
  return (await loadAffiliates(em, businessId, [id]))[0] ?? null;
}

/** The client's own affiliate record (removed ones included, so they still see what they earned). */
export async function affiliateOfContact(em: EntityManager, businessId: string, contactId: string): Promise<AffiliateView | null> {
  if (!isUuid(contactId)) return null;
  const [row] = await sql<AffiliateColumns>(
    em,
    `select ${AFFILIATE_COLUMNS} from ${AFFILIATE_JOIN} where a.business_id = ? and a.contact_id = ?`,
    [businessId, contactId],
  );
  return row ? affiliateFromRow(row) : null;
}
