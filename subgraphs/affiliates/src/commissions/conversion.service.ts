import { type EntityManager, sql } from "@portal/kit";
import { programmeOf } from "../programme/programme.service.js";
import { addMonths, commissionOn, type Rate } from "./rates.js";

const DAY_MS = 86_400_000;

export interface PaidInvoice {
  invoiceId: string;
  contactId: string;
  currency: string;
  amountPaid: number;
  paidAt: Date;
}

/**
 * `billing.invoicePaid`: a paid invoice of a referred contact earns their affiliate one commission,
 * when the programme is on, the affiliate active and the payment counts: the first inside the
 * attribution window from the referral, later ones only with recurring months, within them from the
 * first. One commission per invoice whatever the delivery: the unique index decides, not the caller.
 * A contact with no referral yet may still get one (identity's announcement travels on another
 * queue): the payment is kept aside and credited when the referral arrives (`creditWaitingPayments`).
 * Returns the new commission's id, or null.
 */
export async function recordConversion(em: EntityManager, businessId: string, paid: PaidInvoice): Promise<string | null> {
  const [referral] = await sql<{ id: string; affiliate_id: string; referred_at: Date; first_converted_at: Date | null; status: string }>(
    em,
    `select r.id, r.affiliate_id, r.referred_at, r.first_converted_at, a.status
     from affiliates.referral r join affiliates.affiliate a on a.id = r.affiliate_id and a.business_id = r.business_id
     where r.business_id = ? and r.contact_id = ? for update of r`,
    [businessId, paid.contactId],
  );
  if (!referral) {
    await keepUntilReferred(em, businessId, paid);
    return null;
  }
  if (referral.status !== "ACTIVE") return null;
  const programme = await programmeOf(em, businessId);
  if (!programme.enabled) return null;
  const referredAt = new Date(referral.referred_at);
  if (paid.paidAt.getTime() < referredAt.getTime()) return null;
  const first = referral.first_converted_at ? new Date(referral.first_converted_at) : null;
  if (!first && paid.paidAt.getTime() > referredAt.getTime() + programme.attributionWindowDays * DAY_MS) return null;
  if (first && (programme.recurringMonths === null || paid.paidAt.getTime() > addMonths(first, programme.recurringMonths).getTime()))
    return null;
  const rate: Rate = {
    commissionType: programme.commissionType,
    basisPoints: programme.commissionBasisPoints,
    fixedAmount: programme.fixedAmount,
  };
  const amount = commissionOn(paid.amountPaid, rate);
  if (amount <= 0) return null;
  const currency = rate.commissionType === "FIXED" ? programme.fixedCurrency : paid.currency.toUpperCase();
  const [inserted] = await sql<{ id: string }>(
    em,
    `insert into affiliates.commission (business_id, affiliate_id, referral_id, kind, status, amount, currency, invoice_id, invoice_currency,
       paid_amount, commission_type, basis_points, fixed_amount, payable_at)
     values (?, ?, ?, 'COMMISSION', 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, now() + make_interval(days => ?))
     on conflict (business_id, invoice_id) where kind = 'COMMISSION' do nothing returning id`,
    [
      businessId,
      referral.affiliate_id,
      referral.id,
      amount,
      currency,
      paid.invoiceId,
      paid.currency.toUpperCase(),
      paid.amountPaid,
      rate.commissionType,
      rate.basisPoints,
      rate.fixedAmount,
      programme.holdDays,
    ],
  );
  if (!inserted) return null;
  if (!first)
    await sql(em, `update affiliates.referral set first_converted_at = ? where business_id = ? and id = ? and first_converted_at is null`, [
      paid.paidAt,
      businessId,
      referral.id,
    ]);
  return inserted.id;
}

/** How long a payment of a contact with no referral waits for one to arrive. */
export const UNATTRIBUTED_PAYMENT_DAYS = 7;

async function keepUntilReferred(em: EntityManager, businessId: string, paid: PaidInvoice): Promise<void> {
  await sql(
    em,
    `insert into affiliates.unattributed_payment (business_id, invoice_id, contact_id, currency, amount_paid, paid_at)
     select ?, ?, ?, ?, ?, ? where exists (select 1 from affiliates.programme where business_id = ? and enabled)
     on conflict do nothing`,
    [businessId, paid.invoiceId, paid.contactId, paid.currency, paid.amountPaid, paid.paidAt, businessId],
  );
}

/**
 * A referral was just recorded: the contact's payments that arrived before it (at or after the
 * moment they were referred) become conversions now, oldest first, as if the referral had come first.
 */
export async function creditWaitingPayments(em: EntityManager, businessId: string, contactId: string): Promise<void> {
  const waiting = await sql<{ invoice_id: string; currency: string; amount_paid: number; paid_at: Date }>(
    em,
    `delete from affiliates.unattributed_payment where business_id = ? and contact_id = ?
     returning invoice_id, currency, amount_paid, paid_at`,
    [businessId, contactId],
  );
  waiting.sort((a, b) => new Date(a.paid_at).getTime() - new Date(b.paid_at).getTime());
  for (const payment of waiting)
    await recordConversion(em, businessId, {
      invoiceId: payment.invoice_id,
      contactId,
      currency: payment.currency,
      amountPaid: payment.amount_paid,
      paidAt: new Date(payment.paid_at),
    });
}

/** Forgets payments that waited a week for a referral: their contacts were not referred. */
export async function forgetUnattributedPayments(em: EntityManager): Promise<void> {
  await sql(em, `delete from affiliates.unattributed_payment where recorded_at < now() - make_interval(days => ?)`, [
    UNATTRIBUTED_PAYMENT_DAYS,
  ]);
}

interface CommissionForRefund {
  id: string;
  affiliate_id: string;
  referral_id: string;
  status: string;
  amount: number;
  currency: string;
  invoice_currency: string;
  paid_amount: number;
  refunded_amount: number;
  commission_type: "PERCENTAGE" | "FIXED";
  basis_points: number;
  fixed_amount: number;
}

/**
 * `billing.invoiceRefunded` (`amountRefunded`: all refunds so far). A pending commission is
 * recomputed on what remains paid (cancelled at nothing); an approved or paid one gets one negative
 * adjustment bringing the invoice's net commission down to what remains due. Worked out from what is
 * recorded, so a repeated or late event changes nothing more.
 */
export async function recordRefund(
  em: EntityManager,
  businessId: string,
  refund: { invoiceId: string; amountRefunded: number },
): Promise<void> {
  const [commission] = await sql<CommissionForRefund>(
    em,
    `select id, affiliate_id, referral_id, status, amount, currency, invoice_currency, paid_amount, refunded_amount, commission_type, basis_points, fixed_amount
     from affiliates.commission where business_id = ? and invoice_id = ? and kind = 'COMMISSION' for update`,
    [businessId, refund.invoiceId],
  );
  if (!commission) return;
  const refunded = Math.max(commission.refunded_amount, refund.amountRefunded);
  const target = commissionOn(commission.paid_amount - refunded, {
    commissionType: commission.commission_type,
    basisPoints: commission.basis_points,
    fixedAmount: commission.fixed_amount,
  });
  if (commission.status === "PENDING") {
    await sql(
      em,
      `update affiliates.commission set refunded_amount = ?, amount = ?,
         status = case when ? = 0 then 'CANCELLED' else status end,
         cancelled_at = case when ? = 0 then now() else cancelled_at end,
         cancel_reason = case when ? = 0 then 'Refunded' else cancel_reason end
       where business_id = ? and id = ?`,
      [refunded, Math.min(target, commission.amount), target, target, target, businessId, commission.id],
    );
    return;
  }
  await sql(em, `update affiliates.commission set refunded_amount = ? where business_id = ? and id = ?`, [
    refunded,
    businessId,
    commission.id,
  ]);
  if (commission.status === "CANCELLED") return;
  const [adjusted] = await sql<{ total: string | null }>(
    em,
    `select sum(amount)::bigint as total from affiliates.commission
     where business_id = ? and invoice_id = ? and kind = 'ADJUSTMENT' and status <> 'CANCELLED'`,
    [businessId, refund.invoiceId],
  );
  const delta = target - (commission.amount + Number(adjusted?.total ?? 0));
  if (delta >= 0) return;
  await sql(
    em,
    `insert into affiliates.commission (business_id, affiliate_id, referral_id, kind, status, amount, currency, invoice_id, invoice_currency,
       paid_amount, refunded_amount, commission_type, basis_points, fixed_amount, payable_at, approved_at)
     values (?, ?, ?, 'ADJUSTMENT', 'APPROVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), now())`,
    [
      businessId,
      commission.affiliate_id,
      commission.referral_id,
      delta,
      commission.currency,
      refund.invoiceId,
      commission.invoice_currency,
      commission.paid_amount,
      refunded,
      commission.commission_type,
      commission.basis_points,
      commission.fixed_amount,
    ],
  );
}
