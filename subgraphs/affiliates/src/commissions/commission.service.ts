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
import { AFFILIATE_COLUMNS, type AffiliateColumns, affiliateFromRow } from "../affiliates/affiliate.records.js";
import { publishCommissionApproved } from "../events/publishers.js";
import { fullLabel, maskedLabel } from "../referrals/labels.js";
import type { Viewer } from "../shared/access.js";
import { AffiliateStateError } from "../shared/affiliate.errors.js";
import type { CommissionKind, CommissionStatus } from "../shared/enums.js";
import { isUuid, uuidArray } from "../shared/ids.js";
import { AffiliateBalanceView, CommissionView } from "./commission.types.js";

interface CommissionColumns extends AffiliateColumns {
  id: string;
  kind: string;
  status: string;
  amount: number;
  currency: string;
  paid_amount: number;
  refunded_amount: number;
  invoice_id: string | null;
  created_at: Date;
  payable_at: Date;
  approved_at: Date | null;
  paid_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  payout_id: string | null;
  contact_name: string | null;
  contact_first_name: string | null;
  contact_email: string | null;
}

const COMMISSION_SELECT = `select c.id, c.kind, c.status, c.amount, c.currency, c.paid_amount, c.refunded_amount, c.invoice_id, c.created_at,
    c.payable_at, c.approved_at, c.paid_at, c.cancelled_at, c.cancel_reason, c.payout_id,
    rc.name as contact_name, rc.first_name as contact_first_name, rc.email as contact_email, ${AFFILIATE_COLUMNS}
  from affiliates.commission c
  join affiliates.affiliate a on a.id = c.affiliate_id and a.business_id = c.business_id
  left join affiliates.known_contact kc on kc.contact_id = a.contact_id and kc.business_id = a.business_id
  join affiliates.referral r on r.id = c.referral_id and r.business_id = c.business_id
  left join affiliates.known_contact rc on rc.contact_id = r.contact_id and rc.business_id = r.business_id`;

const date = (value: Date | null) => (value ? new Date(value) : null);

function commissionView(row: CommissionColumns, viewer: Viewer): CommissionView {
  return Object.assign(new CommissionView(), {
    id: row.id,
    kind: row.kind as CommissionKind,
    status: row.status as CommissionStatus,
    amount: row.amount,
    currency: row.currency,
    baseAmount: row.kind === "ADJUSTMENT" ? row.refunded_amount : row.paid_amount,
    invoiceId: row.invoice_id,
    referralLabel:
      viewer.kind === "staff"
        ? fullLabel(row.contact_name ?? "", row.contact_email ?? "")
        : maskedLabel(row.contact_first_name ?? "", row.contact_email ?? ""),
    affiliate: affiliateFromRow(row),
    createdAt: new Date(row.created_at),
    payableAt: new Date(row.payable_at),
    approvedAt: date(row.approved_at),
    paidAt: date(row.paid_at),
    cancelledAt: date(row.cancelled_at),
    cancelReason: row.cancel_reason,
    payoutId: row.payout_id,
  });
}

export interface CommissionFilter {
  affiliateId?: string | null;
  status?: CommissionStatus | null;
}

/** Commissions newest first, optionally one affiliate's or one status: one statement for the page, one for the count. */
export async function listCommissions(
  em: EntityManager,
  businessId: string,
  filter: CommissionFilter,
  viewer: Viewer,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<CommissionView>> {
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after);
  if (filter.affiliateId && !isUuid(filter.affiliateId)) return toConnection([], limit, 0, () => ({ sort: "", id: "" }), false);
  const where = `c.business_id = ? and (?::uuid is null or c.affiliate_id = ?::uuid) and (?::text is null or c.status = ?::text)`;
  const params = [businessId, filter.affiliateId ?? null, filter.affiliateId ?? null, filter.status ?? null, filter.status ?? null];
  const rows = await sql<CommissionColumns>(
    em,
    `${COMMISSION_SELECT} where ${where} and (?::timestamptz is null or (c.created_at, c.id) < (?::timestamptz, ?::uuid))
     order by c.created_at desc, c.id desc limit ?`,
    [...params, cursor?.sort ?? null, cursor?.sort ?? null, isUuid(cursor?.id) ? cursor.id : null, limit + 1],
  );
  const [count] = await sql<{ n: number }>(em, `select count(*)::int as n from affiliates.commission c where ${where}`, params);
  return toConnection(
    rows.map((row) => commissionView(row, viewer)),
    limit,
    count?.n ?? 0,
    (row) => ({ sort: row.createdAt.toISOString(), id: row.id }),
    cursor !== null,
  );
}

async function commissionById(em: EntityManager, businessId: string, id: string): Promise<CommissionView | null> {
  const [row] = await sql<CommissionColumns>(em, `${COMMISSION_SELECT} where c.business_id = ? and c.id = ?`, [businessId, id]);
  return row ? commissionView(row, { kind: "staff" }) : null;
}

/** Per affiliate and currency: pending, approved-unpaid and paid, for many affiliates in one statement. */
export async function balancesOf(
  em: EntityManager,
  businessId: string,
  affiliateIds: string[],
): Promise<Map<string, AffiliateBalanceView[]>> {
  const rows = await sql<{ affiliate_id: string; currency: string; pending: string; approved: string; paid: string }>(
    em,
    `select affiliate_id, currency,
       coalesce(sum(amount) filter (where status = 'PENDING'), 0)::bigint as pending,
       coalesce(sum(amount) filter (where status = 'APPROVED'), 0)::bigint as approved,
       coalesce(sum(amount) filter (where status = 'PAID'), 0)::bigint as paid
     from affiliates.commission where business_id = ? and affiliate_id = any(?::uuid[]) and status <> 'CANCELLED'
     group by affiliate_id, currency order by currency`,
    [businessId, uuidArray(affiliateIds)],
  );
  const byAffiliate = new Map<string, AffiliateBalanceView[]>(affiliateIds.map((id) => [id, []]));
  for (const row of rows)
    byAffiliate.get(row.affiliate_id)?.push(
      Object.assign(new AffiliateBalanceView(), {
        currency: row.currency,
        pending: Number(row.pending),
        approved: Number(row.approved),
        paid: Number(row.paid),
      }),
    );
  return byAffiliate;
}

/** Approves the given pending commissions of one business (the sweep, or staff early) and announces each. */
export async function approve(em: EntityManager, businessId: string, ids: string[], dueOnly: boolean): Promise<string[]> {
  const approved = await sql<{ id: string; affiliate_id: string; currency: string; amount: number; contact_id: string }>(
    em,
    `update affiliates.commission c set status = 'APPROVED', approved_at = now()
     from affiliates.affiliate a
     where c.business_id = ? and c.id = any(?::uuid[]) and c.status = 'PENDING' and (not ? or c.payable_at <= now())
       and a.id = c.affiliate_id and a.business_id = c.business_id
     returning c.id, c.affiliate_id, c.currency, c.amount, a.contact_id`,
    [businessId, `{${ids.filter(isUuid).join(",")}}`, dueOnly],
  );
  for (const row of approved) {
    const [balance] = await sql<{ total: string }>(
      em,
      `select coalesce(sum(amount), 0)::bigint as total from affiliates.commission
       where business_id = ? and affiliate_id = ? and currency = ? and status = 'APPROVED'`,
      [businessId, row.affiliate_id, row.currency],
    );
    await publishCommissionApproved(em, businessId, {
      id: row.id,
      affiliateId: row.affiliate_id,
      affiliateContactId: row.contact_id,
      currency: row.currency,
      amount: row.amount,
      approvedBalance: Number(balance?.total ?? 0),
    });
  }
  return approved.map((row) => row.id);
}

/** Staff approve a pending commission before its hold period ends. */
export async function approveEarly(
  em: EntityManager,
  businessId: string,
  id: string,
): Promise<CommissionView | NotFoundError | AffiliateStateError> {
  if (!isUuid(id)) return NotFoundError.of("No such commission");
  return em.transactional(async (tx) => {
    const current = await commissionById(tx, businessId, id);
    if (!current) return NotFoundError.of("No such commission");
    if (current.status !== "PENDING") return AffiliateStateError.of(`This commission is ${current.status.toLowerCase()}, not pending.`);
    await approve(tx, businessId, [id], false);
    return (await commissionById(tx, businessId, id))!;
  });
}

/** Staff cancel a pending or approved commission not paid yet, saying why. */
export async function cancelCommission(
  em: EntityManager,
  businessId: string,
  id: string,
  reason: string,
): Promise<CommissionView | NotFoundError | AffiliateStateError | ValidationError> {
  const why = reason.trim();
  if (!why) return ValidationError.of("reason", "Say why the commission is cancelled.");
  if (why.length > 500) return ValidationError.of("reason", "At most 500 characters.");
  if (!isUuid(id)) return NotFoundError.of("No such commission");
  const updated = await sql<{ id: string }>(
    em,
    `update affiliates.commission set status = 'CANCELLED', cancelled_at = now(), cancel_reason = ?
     where business_id = ? and id = ? and status in ('PENDING', 'APPROVED') and payout_id is null returning id`,
    [why, businessId, id],
  );
  const current = await commissionById(em, businessId, id);
  if (!current) return NotFoundError.of("No such commission");
  if (updated.length === 0)
    return AffiliateStateError.of(`This commission is ${current.status.toLowerCase()}; it can no longer be cancelled.`);
  return current;
}
