import {
  type Connection,
  decodeCursor,
  type EntityManager,
  NotFoundError,
  pageSize,
  sql,
  toConnection,
  ValidationError,
} from "@portal/kit";
import {
  AFFILIATE_COLUMNS,
  AFFILIATE_JOIN,
  type AffiliateColumns,
  affiliateFromRow,
  loadAffiliate,
} from "../affiliates/affiliate.records.js";
import { publishPayoutSent } from "../events/publishers.js";
import { programmeOf } from "../programme/programme.service.js";
import { BelowMinimumPayoutError } from "../shared/affiliate.errors.js";
import { isUuid } from "../shared/ids.js";
import { csvRows, majorUnits } from "./csv.js";
import { PayoutDueView, PayoutView } from "./payout.types.js";

interface PayoutColumns extends AffiliateColumns {
  id: string;
  currency: string;
  amount: number;
  reference: string;
  paid_at: Date;
  commission_count: number;
}

const PAYOUT_SELECT = `select p.id, p.currency, p.amount, p.reference, p.paid_at, p.commission_count, ${AFFILIATE_COLUMNS}
  from affiliates.payout p
  join affiliates.affiliate a on a.id = p.affiliate_id and a.business_id = p.business_id
  left join affiliates.known_contact kc on kc.contact_id = a.contact_id and kc.business_id = a.business_id`;

function payoutView(row: PayoutColumns): PayoutView {
  return Object.assign(new PayoutView(), {
    id: row.id,
    affiliate: affiliateFromRow(row),
    currency: row.currency,
    amount: row.amount,
    reference: row.reference,
    paidAt: new Date(row.paid_at),
    commissionCount: row.commission_count,
  });
}

/**
 * Staff record that they paid an affiliate: every approved, unpaid line of that currency
 * (adjustments included) is settled at once, when the total reaches the minimum payout.
 */
export async function recordPayout(
  em: EntityManager,
  businessId: string,
  input: { affiliateId: string; currency: string; reference: string },
): Promise<PayoutView | ValidationError | NotFoundError | BelowMinimumPayoutError> {
  const currency = input.currency.trim().toUpperCase();
  const reference = input.reference.trim();
  if (!/^[A-Z]{3}$/.test(currency)) return ValidationError.of("currency", "Use a three-letter currency code, e.g. USD.");
  if (!reference) return ValidationError.of("reference", "Enter the transfer's reference.");
  if (reference.length > 200) return ValidationError.of("reference", "At most 200 characters.");
  const affiliate = isUuid(input.affiliateId) ? await loadAffiliate(em, businessId, input.affiliateId) : null;
  if (!affiliate) return NotFoundError.of("No such affiliate");
  const programme = await programmeOf(em, businessId);
  return em.transactional(async (tx) => {
    const lines = await sql<{ id: string; amount: number }>(
      tx,
      `select id, amount from affiliates.commission
       where business_id = ? and affiliate_id = ? and currency = ? and status = 'APPROVED' and payout_id is null for update`,
      [businessId, affiliate.id, currency],
    );
    const total = lines.reduce((sum, line) => sum + line.amount, 0);
    if (lines.length === 0 || total <= 0 || total < programme.minimumPayout)
      return BelowMinimumPayoutError.of(programme.minimumPayout, total, currency);
    const [payout] = await sql<{ id: string; paid_at: Date }>(
      tx,
      `insert into affiliates.payout (business_id, affiliate_id, currency, amount, reference, commission_count) values (?, ?, ?, ?, ?, ?)
       returning id, paid_at`,
      [businessId, affiliate.id, currency, total, reference, lines.length],
    );
    await sql(
      tx,
      `update affiliates.commission set status = 'PAID', paid_at = ?, payout_id = ? where business_id = ? and id = any(?::uuid[])`,
      [payout!.paid_at, payout!.id, businessId, `{${lines.map((line) => line.id).join(",")}}`],
    );
    await publishPayoutSent(tx, businessId, {
      id: payout!.id,
      affiliateId: affiliate.id,
      affiliateContactId: affiliate.contactId,
      currency,
      amount: total,
      reference,
      count: lines.length,
      paidAt: new Date(payout!.paid_at),
    });
    const [row] = await sql<PayoutColumns>(tx, `${PAYOUT_SELECT} where p.business_id = ? and p.id = ?`, [businessId, payout!.id]);
    return payoutView(row!);
  });
}

/** What each affiliate is owed per currency, at or above the minimum payout (one statement). */
export async function payoutsDue(em: EntityManager, businessId: string): Promise<PayoutDueView[]> {
  const programme = await programmeOf(em, businessId);
  const rows = await sql<AffiliateColumns & { currency: string; total: string; lines: number }>(
    em,
    `select ${AFFILIATE_COLUMNS}, o.currency, o.total, o.lines from (
       select affiliate_id, currency, sum(amount)::bigint as total, count(*)::int as lines from affiliates.commission
       where business_id = ? and status = 'APPROVED' and payout_id is null group by affiliate_id, currency
       having sum(amount) >= greatest(?, 1)
     ) o join ${AFFILIATE_JOIN} on a.id = o.affiliate_id and a.business_id = ?
     order by o.total desc, a.id`,
    [businessId, programme.minimumPayout, businessId],
  );
  return rows.map((row) =>
    Object.assign(new PayoutDueView(), {
      affiliate: affiliateFromRow(row),
      currency: row.currency,
      amount: Number(row.total),
      commissionCount: row.lines,
    }),
  );
}

/** Payouts newest first, optionally one affiliate's. */
export async function listPayouts(
  em: EntityManager,
  businessId: string,
  affiliateId: string | null,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<PayoutView>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  if (affiliateId && !isUuid(affiliateId)) return toConnection([], limit, 0, () => ({ sort: "", id: "" }), false);
  const where = `p.business_id = ? and (?::uuid is null or p.affiliate_id = ?::uuid)`;
  const params = [businessId, affiliateId, affiliateId];
  const rows = await sql<PayoutColumns>(
    em,
    `${PAYOUT_SELECT} where ${where} and (?::timestamptz is null or (p.paid_at, p.id) < (?::timestamptz, ?::uuid))
     order by p.paid_at desc, p.id desc limit ?`,
    [...params, cursor?.sort ?? null, cursor?.sort ?? null, isUuid(cursor?.id) ? cursor.id : null, limit + 1],
  );
  const [count] = await sql<{ n: number }>(em, `select count(*)::int as n from affiliates.payout p where ${where}`, params);
  return toConnection(
    rows.map(payoutView),
    limit,
    count?.n ?? 0,
    (row) => ({ sort: row.paidAt.toISOString(), id: row.id }),
    cursor !== null,
  );
}

export const CSV_HEADER = [
  "Paid at",
  "Affiliate",
  "Email",
  "Currency",
  "Amount",
  "Amount (minor units)",
  "Reference",
  "Commissions",
  "Payout id",
];

/** Payouts in `[from, to)` (all when open), oldest first, as CSV for the books. */
export async function payoutsCsv(em: EntityManager, businessId: string, from: Date | null, to: Date | null): Promise<string> {
  const rows = await sql<PayoutColumns>(
    em,
    `${PAYOUT_SELECT} where p.business_id = ? and (?::timestamptz is null or p.paid_at >= ?::timestamptz)
       and (?::timestamptz is null or p.paid_at < ?::timestamptz)
     order by p.paid_at, p.id limit 50000`,
    [businessId, from, from, to, to],
  );
  return csvRows([
    CSV_HEADER,
    ...rows.map((row) => [
      new Date(row.paid_at).toISOString(),
      row.affiliate_name,
      row.affiliate_email,
      row.currency,
      majorUnits(row.amount, row.currency),
      row.amount,
      row.reference,
      row.commission_count,
      row.id,
    ]),
  ]);
}
