import { affiliates } from "@portal/contracts";
import { type EntityManager, KnownBusiness, KnownContact, publish } from "@portal/kit";

/**
 * The affiliate an email is about, from the identity projection: their address, name and Do Not
 * Disturb, and their Affiliates page on the business's configured portal (never a request's host).
 * Throws when identity has not told us about them yet, so a consumer retries.
 */
async function recipientOf(em: EntityManager, businessId: string, affiliateId: string, contactId: string) {
  const business = await em.findOne(KnownBusiness, { businessId });
  const contact = await em.findOne(KnownContact, { contactId });
  if (!business || !contact) throw new Error(`the affiliate's contact ${contactId} is not known yet`);
  return {
    affiliateId,
    contactId,
    affiliate: { email: contact.email, name: contact.name, firstName: contact.firstName, dnd: contact.dnd },
    link: `${business.portalUrl.replace(/\/$/, "")}/affiliates`,
  };
}

export function publishJoined(
  em: EntityManager,
  businessId: string,
  joined: { affiliateId: string; contactId: string; code: string; inviteToPortal?: boolean },
) {
  publish(em, affiliates.affiliateJoined, businessId, {
    affiliateId: joined.affiliateId,
    contactId: joined.contactId,
    code: joined.code,
    ...(joined.inviteToPortal === undefined ? {} : { inviteToPortal: joined.inviteToPortal }),
  });
}

export async function publishReferralCreated(
  em: EntityManager,
  businessId: string,
  referral: { id: string; affiliateId: string; affiliateContactId: string; contactId: string; label: string; linkCode: string | null },
) {
  publish(em, affiliates.referralCreated, businessId, {
    ...(await recipientOf(em, businessId, referral.affiliateId, referral.affiliateContactId)),
    referralId: referral.id,
    referredContactId: referral.contactId,
    referredLabel: referral.label,
    linkCode: referral.linkCode,
    reference: `affiliate_referral:${referral.id}`,
  });
}

export async function publishCommissionApproved(
  em: EntityManager,
  businessId: string,
  commission: { id: string; affiliateId: string; affiliateContactId: string; currency: string; amount: number; approvedBalance: number },
) {
  publish(em, affiliates.commissionApproved, businessId, {
    ...(await recipientOf(em, businessId, commission.affiliateId, commission.affiliateContactId)),
    commissionId: commission.id,
    currency: commission.currency,
    amount: commission.amount,
    approvedBalance: commission.approvedBalance,
    reference: `affiliate_commission:${commission.id}`,
  });
}

export async function publishPayoutSent(
  em: EntityManager,
  businessId: string,
  payout: {
    id: string;
    affiliateId: string;
    affiliateContactId: string;
    currency: string;
    amount: number;
    reference: string;
    count: number;
    paidAt: Date;
  },
) {
  publish(em, affiliates.payoutSent, businessId, {
    ...(await recipientOf(em, businessId, payout.affiliateId, payout.affiliateContactId)),
    payoutId: payout.id,
    currency: payout.currency,
    amount: payout.amount,
    payoutReference: payout.reference,
    commissionCount: payout.count,
    paidAt: payout.paidAt.toISOString(),
    reference: `affiliate_payout:${payout.id}`,
  });
}
