/** The terms a commission was earned on, kept with it. */
export interface Rate {
  commissionType: "PERCENTAGE" | "FIXED";
  basisPoints: number;
  fixedAmount: number;
}

/**
 * The commission on `net` (what the client paid less refunds), in minor units: a rounded share, or
 * the fixed amount as long as anything of the payment remains.
 */
export function commissionOn(net: number, rate: Rate): number {
  if (net <= 0) return 0;
  if (rate.commissionType === "FIXED") return rate.fixedAmount;
  return Math.round((net * rate.basisPoints) / 10_000);
}

/** `at` plus whole calendar months (UTC), for recurring commissions. */
export function addMonths(at: Date, months: number): Date {
  const result = new Date(at.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}
