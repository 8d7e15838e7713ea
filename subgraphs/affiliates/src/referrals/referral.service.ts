import {
  type Connection,
  decodeCursor,
  type EntityManager,
  findRefs,
  KNOWN_CONTACTS,
  pageSize,
  sql,
  toConnection,
  ValidationError,
} from "@portal/kit";
import { creditWaitingPayments } from "../commissions/conversion.service.js";
import { AFFILIATE_COLUMNS, type AffiliateColumns, affiliateFromRow, loadAffiliate } from "../affiliates/affiliate.records.js";
import { publishReferralCreated } from "../events/publishers.js";
import { AffiliateStateError } from "../shared/affiliate.errors.js";
import type { Viewer } from "../shared/access.js";
import { isUuid } from "../shared/ids.js";
import { fullLabel, maskedLabel } from "./labels.js";
import { ReferralView } from "./referral.types.js";

interface ReferralColumns extends AffiliateColumns {
  id: string;
  contact_id: string;
  referred_at: Date;
  first_converted_at: Date | null;
  link_code: string | null;
  contact_name: string | null;
  contact_first_name: string | null;
  contact_email: string | null;
}

const REFERRAL_SELECT = `select r.id, r.contact_id, r.referred_at, r.first_converted_at, l.code as link_code,
    rc.name as contact_name, rc.first_name as contact_first_name, rc.email as contact_email, ${AFFILIATE_COLUMNS}
  from affiliates.referral r
  join affiliates.affiliate a on a.id = r.affiliate_id and a.business_id = r.business_id
  left join affiliates.known_contact kc on kc.contact_id = a.contact_id and kc.business_id = a.business_id
  left join affiliates.known_contact rc on rc.contact_id = r.contact_id and rc.business_id = r.business_id
  left join affiliates.referral_link l on l.id = r.link_id`;

function referralView(row: ReferralColumns, viewer: Viewer): ReferralView {
  const staff = viewer.kind === "staff";
  const label = staff
    ? fullLabel(row.contact_name ?? "", row.contact_email ?? "")
    : maskedLabel(row.contact_first_name ?? "", row.contact_email ?? "");
  return Object.assign(new ReferralView(), {
    id: row.id,
    label,
    contactId: staff ? row.contact_id : null,
    affiliate: affiliateFromRow(row),
    linkCode: row.link_code,
    referredAt: new Date(row.referred_at),
    converted: row.first_converted_at !== null,
  });
}

/** An affiliate's referrals, newest first (one statement for the page and one for the count). */
export async function referralsOf(
  em: EntityManager,
  businessId: string,
  affiliateId: string,
  viewer: Viewer,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<ReferralView>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  const rows = await sql<ReferralColumns>(
    em,
    `${REFERRAL_SELECT} where r.business_id = ? and r.affiliate_id = ?
       and (?::timestamptz is null or (r.referred_at, r.id) < (?::timestamptz, ?::uuid))
     order by r.referred_at desc, r.id desc limit ?`,
    [businessId, affiliateId, cursor?.sort ?? null, cursor?.sort ?? null, isUuid(cursor?.id) ? cursor.id : null, limit + 1],
  );
  const [count] = await sql<{ n: number }>(
    em,
    `select count(*)::int as n from affiliates.referral where business_id = ? and affiliate_id = ?`,
    [businessId, affiliateId],
  );
  const views = rows.map((row) => referralView(row, viewer));
  return toConnection(views, limit, count?.n ?? 0, (row) => ({ sort: row.referredAt.toISOString(), id: row.id }), cursor !== null);
}

/** Who referred this contact, as staff see it; null when nobody did. */
export async function referralOfContact(em: EntityManager, businessId: string, contactId: string): Promise<ReferralView | null> {
  if (!isUuid(contactId)) return null;
  const [row] = await sql<ReferralColumns>(em, `${REFERRAL_SELECT} where r.business_id = ? and r.contact_id = ?`, [businessId, contactId]);
  return row ? referralView(row, { kind: "staff" }) : null;
}

/** Records the referral and announces it to the affiliate; nothing when the contact already has one. */
async function insertReferral(
  em: EntityManager,
  businessId: string,
  referral: {
    affiliateId: string;
    affiliateContactId: string;
    linkId: string | null;
    linkCode: string | null;
    contactId: string;
    referredAt: Date;
  },
): Promise<boolean> {
  const inserted = await sql<{ id: string }>(
    em,
    `insert into affiliates.referral (business_id, affiliate_id, link_id, contact_id, referred_at) values (?, ?, ?, ?, ?)
     on conflict (business_id, contact_id) do nothing returning id`,
    [businessId, referral.affiliateId, referral.linkId, referral.contactId, referral.referredAt],
  );
  if (!inserted[0]) return false;
  const [contact] = await sql<{ first_name: string; email: string }>(
    em,
    `select first_name, email from affiliates.known_contact where business_id = ? and contact_id = ?`,
    [businessId, referral.contactId],
  );
  if (!contact) throw new Error(`the referred contact ${referral.contactId} is not known yet`);
  await creditWaitingPayments(em, businessId, referral.contactId);
  await publishReferralCreated(em, businessId, {
    id: inserted[0].id,
    affiliateId: referral.affiliateId,
    affiliateContactId: referral.affiliateContactId,
    contactId: referral.contactId,
    label: maskedLabel(contact.first_name, contact.email),
    linkCode: referral.linkCode,
  });
  return true;
}

/**
 * `identity.contactReferred`: the contact arrived through a link. Only while the programme is on and
 * the link's affiliate active; never the affiliate themself; the first referral of a contact stays.
 */
export async function referByCode(
  em: EntityManager,
  businessId: string,
  contactId: string,
  code: string,
  occurredAt: Date,
): Promise<boolean> {
  const [link] = await sql<{ id: string; code: string; affiliate_id: string; affiliate_contact_id: string }>(
    em,
    `select l.id, l.code, l.affiliate_id, a.contact_id as affiliate_contact_id
     from affiliates.referral_link l
     join affiliates.affiliate a on a.id = l.affiliate_id and a.business_id = l.business_id and a.status = 'ACTIVE'
     join affiliates.programme p on p.business_id = l.business_id and p.enabled
     where l.business_id = ? and l.code = ?`,
    [businessId, code.trim().toLowerCase()],
  );
  if (!link || link.affiliate_contact_id === contactId) return false;
  return insertReferral(em, businessId, {
    affiliateId: link.affiliate_id,
    affiliateContactId: link.affiliate_contact_id,
    linkId: link.id,
    linkCode: link.code,
    contactId,
    referredAt: occurredAt,
  });
}

/**
 * An order form's purchase with a referral code: the buyer arrived through that link when they paid.
 * Identity may have created their contact (and announced the referral, dated then) a moment after
 * the payment, so a referral through the same link is dated back to the payment: the purchase that
 * brought them is their first conversion, not one before they arrived.
 */
export async function referByOrder(em: EntityManager, businessId: string, contactId: string, code: string, paidAt: Date): Promise<void> {
  await referByCode(em, businessId, contactId, code, paidAt);
  await sql(
    em,
    `update affiliates.referral r set referred_at = ?
     from affiliates.referral_link l
     where r.business_id = ? and r.contact_id = ? and l.id = r.link_id and l.business_id = r.business_id and l.code = ?
       and r.referred_at > ? and r.first_converted_at is null`,
    [paidAt, businessId, contactId, code.trim().toLowerCase(), paidAt],
  );
}

/**
 * Staff's choice on the contact record: attribute the contact to an affiliate (from now), or remove
 * the attribution (null). A contact whose payment already earned a commission keeps their affiliate.
 */
export async function setContactReferrer(
  em: EntityManager,
  businessId: string,
  contactId: string,
  affiliateId: string | null,
): Promise<ReferralView | null | ValidationError | AffiliateStateError> {
  const found = await findRefs(em, { contactId: [KNOWN_CONTACTS, contactId] });
  if (found instanceof ValidationError) return found;
  const affiliate = affiliateId ? (isUuid(affiliateId) ? await loadAffiliate(em, businessId, affiliateId) : null) : null;
  if (affiliateId && !affiliate) return ValidationError.of("affiliateId", "No such affiliate in this business");
  if (affiliate && affiliate.status !== "ACTIVE")
    return ValidationError.of("affiliateId", "This affiliate was removed from the programme.");
  if (affiliate && affiliate.contactId === contactId) return ValidationError.of("affiliateId", "A contact cannot refer themself.");
  return em.transactional(async (tx) => {
    const [current] = await sql<{ id: string; affiliate_id: string; first_converted_at: Date | null }>(
      tx,
      `select id, affiliate_id, first_converted_at from affiliates.referral where business_id = ? and contact_id = ? for update`,
      [businessId, contactId],
    );
    if (current && current.affiliate_id === affiliate?.id) return referralOfContact(tx, businessId, contactId);
    if (current?.first_converted_at)
      return AffiliateStateError.of("This contact's payments already earned their affiliate a commission; the referral cannot change.");
    if (current) await sql(tx, `delete from affiliates.referral where business_id = ? and id = ?`, [businessId, current.id]);
    if (affiliate)
      await insertReferral(tx, businessId, {
        affiliateId: affiliate.id,
        affiliateContactId: affiliate.contactId,
        linkId: null,
        linkCode: null,
        contactId,
        referredAt: new Date(),
      });
    return referralOfContact(tx, businessId, contactId);
  });
}
