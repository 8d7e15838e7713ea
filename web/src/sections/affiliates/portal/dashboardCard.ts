import { formatAmounts } from "../shared/money";

interface AffiliateSummaryLike {
  isAffiliate: boolean;
  pending: { amount: number; currency: string }[];
  approved: { amount: number; currency: string }[];
  referrals: number;
}

/**
 * The dashboard card's lines for an affiliate: what they have earned, waiting and payable. Null
 * hides the card: the client is no affiliate (or affiliates could not say).
 */
export function affiliateCardLines(summary: AffiliateSummaryLike | null | undefined): string[] | null {
  if (!summary?.isAffiliate) return null;
  const referred = summary.referrals === 1 ? "1 client referred" : `${summary.referrals} clients referred`;
  return [
    `Pending: ${formatAmounts(summary.pending, "nothing yet")}`,
    `Approved: ${formatAmounts(summary.approved, "nothing yet")}`,
    referred,
  ];
}
