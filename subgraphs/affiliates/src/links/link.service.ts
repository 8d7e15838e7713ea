import { type Caller, type EntityManager, NotFoundError, sql, ValidationError } from "@portal/kit";
import { affiliateOfContact, loadAffiliate } from "../affiliates/affiliate.records.js";
import { checkLandingUrl, programmeOf } from "../programme/programme.service.js";
import { AffiliateStateError, NotAnAffiliateError } from "../shared/affiliate.errors.js";
import { contactIdOf } from "../shared/access.js";
import { isUuid, uuidArray } from "../shared/ids.js";
import { moneyList } from "../shared/money.js";
import { ReferralLinkView } from "./link.types.js";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
const MAX_LINKS = 50;

interface LinkRow {
  id: string;
  affiliate_id: string;
  code: string;
  is_default: boolean;
  created_at: Date;
  landing_url: string | null;
  portal_url: string | null;
  clicks: number;
  referrals: number;
  conversions: number;
  earnings: unknown;
}

/**
 * The live links of these affiliates with their figures, in one statement however many links,
 * clicks or commissions there are. A default link lands on the programme's first site, else the portal.
 */
export async function linksOf(em: EntityManager, businessId: string, affiliateIds: string[], linkId?: string): Promise<ReferralLinkView[]> {
  const rows = await sql<LinkRow>(
    em,
    `select l.id, l.affiliate_id, l.code, l.is_default, l.created_at,
       coalesce(l.landing_url, p.allowed_landing_urls->>0, b.portal_url) as landing_url, b.portal_url,
       (select count(*)::int from affiliates.click c where c.link_id = l.id) as clicks,
       (select count(*)::int from affiliates.referral r where r.link_id = l.id) as referrals,
       (select count(*)::int from affiliates.commission c join affiliates.referral r on r.id = c.referral_id
         where r.link_id = l.id and c.kind = 'COMMISSION' and c.status <> 'CANCELLED') as conversions,
       (select coalesce(json_agg(json_build_object('currency', e.currency, 'amount', e.total)), '[]'::json)
         from (select c.currency, sum(c.amount)::bigint as total from affiliates.commission c join affiliates.referral r on r.id = c.referral_id
               where r.link_id = l.id and c.status <> 'CANCELLED' group by c.currency) e) as earnings
     from affiliates.referral_link l
     left join affiliates.programme p on p.business_id = l.business_id
     left join affiliates.known_business b on b.business_id = l.business_id
     where l.business_id = ? and l.affiliate_id = any(?::uuid[]) and l.deleted_at is null and (?::uuid is null or l.id = ?::uuid)
     order by l.is_default desc, l.created_at, l.id`,
    [businessId, uuidArray(affiliateIds), linkId ?? null, linkId ?? null],
  );
  return rows.map((row) => {
    const base = (row.portal_url ?? "").replace(/\/$/, "");
    return Object.assign(new ReferralLinkView(), {
      id: row.id,
      affiliateId: row.affiliate_id,
      code: row.code,
      url: `${base}/r/${row.code}`,
      landingUrl: row.landing_url ?? base,
      isDefault: row.is_default,
      createdAt: new Date(row.created_at),
      clicks: Number(row.clicks),
      referrals: Number(row.referrals),
      conversions: Number(row.conversions),
      earnings: moneyList(row.earnings),
    });
  });
}

/** Whose link: staff name the affiliate; a client may only make their own. */
async function ownerFor(em: EntityManager, caller: Caller, affiliateId: string | null | undefined) {
  const businessId = caller.businessId!;
  const contactId = contactIdOf(caller);
  if (contactId) {
    const own = await affiliateOfContact(em, businessId, contactId);
    if (!own) return NotAnAffiliateError.of();
    if (affiliateId && affiliateId !== own.id) return ValidationError.of("affiliateId", "You can only make links of your own.");
    return own;
  }
  if (!affiliateId) return ValidationError.of("affiliateId", "Choose the affiliate.");
  const affiliate = isUuid(affiliateId) ? await loadAffiliate(em, businessId, affiliateId) : null;
  return affiliate ?? ValidationError.of("affiliateId", "No such affiliate in this business");
}

export async function createLink(
  em: EntityManager,
  caller: Caller,
  input: { affiliateId?: string | null; slug: string; landingUrl: string },
): Promise<ReferralLinkView | ValidationError | NotAnAffiliateError | AffiliateStateError> {
  const businessId = caller.businessId!;
  const owner = await ownerFor(em, caller, input.affiliateId);
  if (!("id" in owner)) return owner;
  if (owner.status !== "ACTIVE") return AffiliateStateError.of("This affiliate was removed from the programme.");
  const slug = input.slug.trim().toLowerCase();
  if (!SLUG.test(slug) || slug.includes("--"))
    return ValidationError.of(
      "slug",
      "Use 3–40 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.",
    );
  const landing = await checkLandingUrl(em, await programmeOf(em, businessId), input.landingUrl);
  if (landing instanceof ValidationError) return landing;
  const [count] = await sql<{ n: number }>(
    em,
    `select count(*)::int as n from affiliates.referral_link where business_id = ? and affiliate_id = ? and deleted_at is null`,
    [businessId, owner.id],
  );
  if ((count?.n ?? 0) >= MAX_LINKS) return ValidationError.of("slug", `At most ${MAX_LINKS} links per affiliate.`);
  const inserted = await sql<{ id: string }>(
    em,
    `insert into affiliates.referral_link (business_id, affiliate_id, code, landing_url) values (?, ?, ?, ?)
     on conflict (business_id, code) do nothing returning id`,
    [businessId, owner.id, slug, landing],
  );
  if (!inserted[0]) return ValidationError.of("slug", "That code is taken; choose another.");
  return (await linksOf(em, businessId, [owner.id], inserted[0].id))[0]!;
}

/** Deletes a campaign link (its code stays reserved; its figures stay in the affiliate's totals). */
export async function deleteLink(
  em: EntityManager,
  caller: Caller,
  linkId: string,
): Promise<ReferralLinkView | NotFoundError | AffiliateStateError> {
  const businessId = caller.businessId!;
  if (!isUuid(linkId)) return NotFoundError.of("No such link");
  const [link] = await sql<{ affiliate_id: string; is_default: boolean; contact_id: string }>(
    em,
    `select l.affiliate_id, l.is_default, a.contact_id from affiliates.referral_link l join affiliates.affiliate a on a.id = l.affiliate_id
     where l.business_id = ? and l.id = ? and l.deleted_at is null`,
    [businessId, linkId],
  );
  const contactId = contactIdOf(caller);
  if (!link || (contactId && link.contact_id !== contactId)) return NotFoundError.of("No such link");
  if (link.is_default) return AffiliateStateError.of("The default link cannot be deleted.");
  const [view] = await linksOf(em, businessId, [link.affiliate_id], linkId);
  await sql(em, `update affiliates.referral_link set deleted_at = now() where business_id = ? and id = ?`, [businessId, linkId]);
  return view!;
}
