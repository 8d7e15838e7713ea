import { z } from "zod";
import { defineEvent } from "./contract.js";
import { ActionOutcome } from "./workflows.js";
import { id, link, Recipient, reference } from "./shared.js";

/** Amounts are integers in minor units of `currency` (ISO 4217, upper case), as billing's. */
const money = z.number().int();
const currency = z.string().length(3);

/** The affiliate an email is about: who they are and where their figures are in the portal. */
const AffiliateRecipient = {
  affiliateId: id,
  /** The affiliate's contact id. */
  contactId: id,
  /** The affiliate (a contact: their email, name and Do Not Disturb). */
  affiliate: Recipient,
  /** The Affiliates page of the affiliate's portal: `<portalUrl>/affiliates`. */
  link,
};

/**
 * "Make affiliate": a workflow of another section (a purchase, an order form) asks for a contact to
 * become one of the business's affiliates. Affiliates consumes it: a contact of another business or
 * one already an affiliate changes nothing; a removed affiliate is made active again.
 */
export const affiliateRequested = defineEvent({
  name: "affiliates.affiliate.requested",
  producer: "automation",
  version: 1,
  description: "A workflow asks affiliates to make a contact an affiliate (e.g. purchase → join the affiliate programme).",
  payload: z.object({
    contactId: id,
    /** Invite a contact without portal access to the portal; absent means yes. */
    inviteToPortal: z.boolean().optional(),
    /** What asked for it, for the record, e.g. `workflow:<id>`. */
    source: z.string().max(200).optional(),
  }),
});

export const affiliateJoined = defineEvent({
  name: "affiliates.affiliate.joined",
  producer: "affiliates",
  version: 1,
  description:
    'A contact became an affiliate (staff or a workflow made them one): identity invites them to the portal unless told not to; workflows may react ("became an affiliate").',
  payload: z.object({
    affiliateId: id,
    contactId: id,
    /** The affiliate's default referral code (their link is `<portalUrl>/r/<code>`). */
    code: z.string(),
    /** Staff's "invite to the portal" choice; absent means yes. */
    inviteToPortal: z.boolean().optional(),
  }),
});

export const referralCreated = defineEvent({
  name: "affiliates.referral.created",
  producer: "affiliates",
  version: 1,
  description: 'A contact arrived through an affiliate\'s link: automation emails the affiliate "you have a new referral" (DND respected).',
  payload: z.object({
    ...AffiliateRecipient,
    referralId: id,
    referredContactId: id,
    /** How the affiliate sees the referral: a first name and a masked email (e.g. `Sam (s•••@example.com)`). */
    referredLabel: z.string(),
    /** The link's code they arrived through, or null when staff chose the affiliate on the contact. */
    linkCode: z.string().nullable(),
    /** `affiliate_referral:<referralId>`. */
    reference,
  }),
});

export const commissionApproved = defineEvent({
  name: "affiliates.commission.approved",
  producer: "affiliates",
  version: 1,
  description:
    'A commission\'s hold period closed (or staff approved it early): automation emails the affiliate "commission approved" (DND respected).',
  payload: z.object({
    ...AffiliateRecipient,
    commissionId: id,
    currency,
    amount: money,
    /** What the affiliate has approved and not yet paid in this currency, this one included. */
    approvedBalance: money,
    /** `affiliate_commission:<commissionId>`. */
    reference,
  }),
});

export const payoutSent = defineEvent({
  name: "affiliates.payout.sent",
  producer: "affiliates",
  version: 1,
  description: 'Staff recorded a payout to an affiliate: automation emails the affiliate "payout sent" (DND respected).',
  payload: z.object({
    ...AffiliateRecipient,
    payoutId: id,
    currency,
    amount: money,
    /** Staff's reference for the transfer (bank reference, PayPal id…). */
    payoutReference: z.string(),
    /** How many commissions (and adjustments) it settles. */
    commissionCount: z.number().int().positive(),
    paidAt: z.string().datetime(),
    /** `affiliate_payout:<payoutId>`. */
    reference,
  }),
});

export const workflowActionFinished = defineEvent({
  name: "affiliates.workflow_action.finished",
  producer: "affiliates",
  version: 1,
  description:
    "Affiliates carried out (or skipped, or could not carry out) a workflow's action: make an affiliate. Automation's run goes on.",
  payload: ActionOutcome,
});
