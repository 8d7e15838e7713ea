import type { affiliates, PayloadOf } from "@portal/contracts";
import type { EmailBranding } from "../branding/email-branding.js";
import { formatDate, formatMoney } from "../invoices/format.js";
import type { TemplateValues } from "../mail/render-email.js";

type ReferralCreated = PayloadOf<typeof affiliates.referralCreated>;
type CommissionApproved = PayloadOf<typeof affiliates.commissionApproved>;
type PayoutSent = PayloadOf<typeof affiliates.payoutSent>;

/**
 * The referral's placeholders: who (as the affiliate may see them) and how they came. A referral
 * staff credited by hand came through no link, so `link` is empty and `via` says who added it.
 */
export function referralValues(referral: ReferralCreated, branding: EmailBranding): NonNullable<TemplateValues["referral"]> {
  if (!referral.linkCode) return { label: referral.referredLabel, link: "", via: `${branding.name}, who added them to your referrals` };
  const link = referralLinkOf(branding.portalUrl, referral.linkCode);
  return { label: referral.referredLabel, link, via: `your link ${link}` };
}

/** An affiliate link as visitors use it: the portal's `/r/<code>` (the gateway relays it to affiliates). */
export function referralLinkOf(portalUrl: string, code: string): string {
  return `${portalUrl.replace(/\/+$/, "")}/r/${encodeURIComponent(code)}`;
}

export function commissionValues(commission: CommissionApproved): NonNullable<TemplateValues["commission"]> {
  return {
    amount: formatMoney(commission.amount, commission.currency),
    approvedBalance: formatMoney(commission.approvedBalance, commission.currency),
  };
}

export function payoutValues(payout: PayoutSent): NonNullable<TemplateValues["payout"]> {
  return {
    amount: formatMoney(payout.amount, payout.currency),
    reference: payout.payoutReference.trim(),
    commissionCount: String(payout.commissionCount),
    date: formatDate(payout.paidAt),
  };
}
