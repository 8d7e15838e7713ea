import { randomUUID } from "node:crypto";
import type { affiliates, PayloadOf } from "@portal/contracts";
import { type DomainEvent, type EntityManager, KnownBusiness } from "@portal/kit";
import { brandingOf, type EmailBranding } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { finishEmail } from "../delivery/email-outcome.js";
import { type DeliverySettings, enqueueEmail } from "../delivery/enqueue-email.js";
import type { UndeliveredEmail } from "../delivery/undelivered-email.js";
import { formatMoney } from "../invoices/format.js";
import { NotYetKnownError } from "../invoices/invoice-email.service.js";
import { fromHeader } from "../mail/mail-transport.js";
import { renderEmail, type TemplateValues } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";
import { commissionValues, payoutValues, referralValues } from "./affiliate-values.js";

type ReferralCreated = PayloadOf<typeof affiliates.referralCreated>;
type CommissionApproved = PayloadOf<typeof affiliates.commissionApproved>;
type PayoutSent = PayloadOf<typeof affiliates.payoutSent>;

/** Each affiliate email, the event that asks for it, and what it tells the affiliate. */
export interface AffiliateEmails {
  [NotificationTemplateKey.AFFILIATE_NEW_REFERRAL]: ReferralCreated;
  [NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED]: CommissionApproved;
  [NotificationTemplateKey.AFFILIATE_PAYOUT_SENT]: PayoutSent;
}
export type AffiliateEmailKey = keyof AffiliateEmails;
export type AffiliatePayload = AffiliateEmails[AffiliateEmailKey];

/** The email's own placeholders, formatted for the affiliate (amounts in the event's currency). */
function valuesOf(key: AffiliateEmailKey, payload: AffiliatePayload, branding: EmailBranding): Partial<TemplateValues> {
  if (key === NotificationTemplateKey.AFFILIATE_NEW_REFERRAL) return { referral: referralValues(payload as ReferralCreated, branding) };
  if (key === NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED) return { commission: commissionValues(payload as CommissionApproved) };
  return { payout: payoutValues(payload as PayoutSent) };
}

/** What the email log shows as the subject of an email that could never be rendered. */
function summaryOf(key: AffiliateEmailKey, payload: AffiliatePayload): string {
  if (key === NotificationTemplateKey.AFFILIATE_NEW_REFERRAL) return `New referral: ${(payload as ReferralCreated).referredLabel}`;
  if (key === NotificationTemplateKey.AFFILIATE_COMMISSION_APPROVED) {
    const commission = payload as CommissionApproved;
    return `Commission approved: ${formatMoney(commission.amount, commission.currency)}`;
  }
  const payout = payload as PayoutSent;
  return `Payout sent: ${formatMoney(payout.amount, payout.currency)} (${payout.payoutReference})`;
}

/** What a dead letter of this event logs as never sent: the one email to the affiliate. */
export function undeliveredAffiliateEmails(key: AffiliateEmailKey, payload: AffiliatePayload): UndeliveredEmail[] {
  return [{ recipient: payload.affiliate.email, template: key, subject: summaryOf(key, payload), reference: payload.reference }];
}

/**
 * `affiliates.referral.created` → AFFILIATE_NEW_REFERRAL, `affiliates.commission.approved` →
 * AFFILIATE_COMMISSION_APPROVED and `affiliates.payout.sent` → AFFILIATE_PAYOUT_SENT, each to the
 * affiliate, button to their Affiliates page (`link`). A DND affiliate's email is logged SUPPRESSED;
 * each row keeps the event's `reference`. The business's branding must have arrived, else the event
 * is retried. Kit's `consume` handles each event id once.
 */
export async function requestAffiliateEmail(
  em: EntityManager,
  settings: DeliverySettings,
  event: DomainEvent<AffiliatePayload>,
  key: AffiliateEmailKey,
): Promise<void> {
  const businessId = event.businessId;
  if (!businessId) throw new Error(`${event.type} ${event.eventId} names no business`);
  const business = await em.findOne(KnownBusiness, { businessId });
  if (!business) throw new NotYetKnownError(`Business ${businessId} is not known here yet; retrying ${event.type} later`);
  const branding = brandingOf(business);
  const payload = event.payload;
  const { affiliate } = payload;
  const template = await usableTemplateFor(em, businessId, key);
  const rendered = renderEmail(
    key,
    template,
    {
      contact: { name: affiliate.name, firstName: affiliate.firstName || affiliate.name },
      link: payload.link,
      ...valuesOf(key, payload, branding),
    },
    branding,
  );
  const log = em.create(EmailLog, {
    id: randomUUID(),
    businessId,
    eventId: event.eventId,
    reference: payload.reference,
    recipient: affiliate.email,
    template: key,
    subject: rendered.subject,
    status: EmailStatus.QUEUED,
  });
  if (affiliate.dnd) {
    finishEmail(em, log, EmailStatus.SUPPRESSED, { reason: "The contact has Do Not Disturb on" });
    return;
  }
  await enqueueEmail(em, settings, log, {
    businessId,
    from: fromHeader(branding.name, settings.fromAddress),
    to: affiliate.email,
    template: key,
    ...rendered,
  });
}
