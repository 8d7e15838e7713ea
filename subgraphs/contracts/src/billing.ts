import { z } from "zod";
import { defineEvent } from "./contract.js";
import { id } from "./shared.js";

/** Amounts are integers in minor units of `currency` (ISO 4217, upper case). */
const money = z.number().int();
const currency = z.string().length(3);

export const invoiceSent = defineEvent({
  name: "billing.invoice.sent",
  producer: "billing",
  version: 1,
  description: "Staff sent an invoice to a contact: automation emails it, identity invites the contact unless staff said not to.",
  payload: z.object({
    invoiceId: id,
    contactId: id,
    number: z.number().int().positive(),
    currency,
    total: money,
    amountDue: money,
    /** `YYYY-MM-DD`. */
    dueDate: z.string().date().nullable(),
    /** Relative to the business's portal URL, e.g. `/invoices/<id>`. */
    portalPath: z.string().startsWith("/"),
    /** Staff's "invite to the portal" choice; absent means yes. */
    inviteToPortal: z.boolean().optional(),
  }),
});

export const invoicePaid = defineEvent({
  name: "billing.invoice.paid",
  producer: "billing",
  version: 1,
  description: "An invoice was paid in full (online or recorded by staff): automation emails the receipt.",
  payload: z.object({
    invoiceId: id,
    contactId: id,
    number: z.number().int().positive(),
    currency,
    amountPaid: money,
    paidAt: z.string().datetime(),
    /** How it was paid, e.g. `card`, `bank_transfer`, `test`. */
    method: z.string(),
    /** Relative to the business's portal URL, e.g. `/invoices/<id>`. */
    portalPath: z.string().startsWith("/").optional(),
    /** A receipt PDF the producer chose to include; billing sends none (automation then asks its receipt provider). */
    receiptPdf: z.object({ name: z.string(), contentBase64: z.string() }).optional(),
  }),
});

export const invoiceVoided = defineEvent({
  name: "billing.invoice.voided",
  producer: "billing",
  version: 1,
  description: "Staff voided a sent invoice; nothing is owed on it any more.",
  payload: z.object({ invoiceId: id, contactId: id, number: z.number().int().positive() }),
});

export const invoiceRefunded = defineEvent({
  name: "billing.invoice.refunded",
  producer: "billing",
  version: 1,
  description: "Part or all of a paid invoice was refunded.",
  payload: z.object({
    invoiceId: id,
    contactId: id,
    number: z.number().int().positive(),
    currency,
    /** This refund. */
    amount: money,
    /** All refunds of the invoice so far. */
    amountRefunded: money,
    fullyRefunded: z.boolean(),
  }),
});

/** What an offer grants its buyer once paid: courses and community groups of the same business. */
const Grants = z.object({ courseIds: z.array(id), groupIds: z.array(id) });

/**
 * An order form's payment succeeded (Stripe confirmed it): identity finds the buyer's contact by
 * email or creates it, and answers with `identity.order_buyer.resolved`. Published once per order,
 * however often the payment's webhook is delivered.
 */
export const orderPaymentReceived = defineEvent({
  name: "billing.order.payment_received",
  producer: "billing",
  version: 1,
  description: "A buyer paid an offer on its public order page: identity finds or creates their contact (billing.order.paid follows).",
  payload: z.object({
    orderId: id,
    offerId: id,
    buyer: z.object({ email: z.string().email(), name: z.string().min(1) }),
    /** The affiliate referral code that came with the order (cookie or `ref` parameter), as given. */
    referralCode: z.string().min(1).max(64).nullable(),
  }),
});

export const orderPaid = defineEvent({
  name: "billing.order.paid",
  producer: "billing",
  version: 1,
  description:
    "An order is paid and its buyer is a contact: workflows grant what the offer includes and invite them (the default workflow), automation emails the receipt, affiliates credits the referral.",
  payload: z.object({
    orderId: id,
    offerId: id,
    offerName: z.string(),
    contactId: id,
    /** The contact was created for this order. */
    newContact: z.boolean(),
    currency,
    amountPaid: money,
    paidAt: z.string().datetime(),
    grants: Grants,
    referralCode: z.string().min(1).max(64).nullable(),
    /** The receipt in the buyer's portal, relative to the portal URL, e.g. `/orders/<id>`. */
    portalPath: z.string().startsWith("/"),
  }),
});
