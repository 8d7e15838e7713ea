import { formatBasisPoints, formatMoney } from "./money";

export type CommissionStatusName = "PENDING" | "APPROVED" | "PAID" | "CANCELLED";

export const COMMISSION_STATUS_LABELS: Record<CommissionStatusName, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  PAID: "Paid",
  CANCELLED: "Cancelled",
};

export const COMMISSION_STATUSES = Object.keys(COMMISSION_STATUS_LABELS) as CommissionStatusName[];

/** The programme's terms that decide what an affiliate earns, as the API gives them. */
export interface ProgrammeTermsLike {
  commissionType: "PERCENTAGE" | "FIXED";
  commissionBasisPoints: number;
  fixedAmount: number;
  fixedCurrency: string;
  recurringMonths: number | null;
  attributionWindowDays: number;
  holdDays: number;
  minimumPayout: number;
}

function days(count: number): string {
  return count === 1 ? "1 day" : `${count} days`;
}

function months(count: number): string {
  return count === 1 ? "1 month" : `${count} months`;
}

/**
 * The programme's terms in plain sentences, for affiliates and for staff checking what they offer.
 * `currency` is the one amounts like the minimum payout are shown in (the minimum applies per currency).
 */
export function programmeTerms(programme: ProgrammeTermsLike, currency: string = programme.fixedCurrency || "USD"): string[] {
  const rate =
    programme.commissionType === "PERCENTAGE"
      ? `${formatBasisPoints(programme.commissionBasisPoints)} of what they pay`
      : `${formatMoney(programme.fixedAmount, programme.fixedCurrency)} per paid invoice`;
  const recurring =
    programme.recurringMonths == null
      ? "on their first payment only"
      : `on every payment in the ${months(programme.recurringMonths)} after their first`;
  const hold =
    programme.holdDays === 0
      ? "Commissions can be paid out as soon as they are earned."
      : `Commissions become payable ${days(programme.holdDays)} after the payment they come from.`;
  return [
    `You earn ${rate}, ${recurring}, for each client you refer.`,
    `A referral counts when they first pay within ${days(programme.attributionWindowDays)} of signing up through your link.`,
    hold,
    `Payouts are made once you are owed at least ${formatMoney(programme.minimumPayout, currency)}.`,
  ];
}

/** The dates and status that say when a commission's money moves. */
export interface CommissionWhenLike {
  status: CommissionStatusName;
  payableAt: string;
  approvedAt: string | null;
  paidAt: string | null;
  cancelReason: string | null;
}

/** When the money moves (or why it will not): the part of a commission an affiliate waits on. */
export function commissionWhen(commission: CommissionWhenLike, locale?: string): string {
  const day = (iso: string | null | undefined) =>
    iso ? new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(new Date(iso)) : "—";
  switch (commission.status) {
    case "PENDING":
      return `Payable from ${day(commission.payableAt)}`;
    case "APPROVED":
      return `Payable since ${day(commission.approvedAt ?? commission.payableAt)}`;
    case "PAID":
      return `Paid ${day(commission.paidAt)}`;
    case "CANCELLED":
      return commission.cancelReason ? `Cancelled: ${commission.cancelReason}` : "Cancelled";
  }
}
