import type { EntityManager } from "@portal/kit";
import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor } from "@portal/kit";
import type Stripe from "stripe";
import type { Invoice } from "../invoices/invoice.entity.js";
import { changeInvoice } from "../invoices/invoice-store.js";
import { amountDue } from "../invoices/totals.js";
import { Payment } from "../payments/payment.entity.js";
import { attemptByProviderId, latestAttempt, setAttemptStatus, type PaymentAttempt } from "../payments/payment-attempts.js";
import { applyPayment, applyRefund } from "../payments/payment.service.js";
import type { StripeEvent } from "../payments/stripe-provider.js";
import { applyOrderPayment } from "../orders/order-webhook.js";
import { claimEvent } from "./provider-events.js";

type Apply = (tx: EntityManager, invoice: Invoice, attempt: PaymentAttempt, object: never) => Promise<void>;

/**
 * Each handler moves the invoice towards the state Stripe reports, whatever arrived before: money is
 * recorded once per PaymentIntent, a late failure never un-pays, refunds are reconciled to Stripe's
 * cumulative refunded amount.
 */
const HANDLERS: Record<string, { providerIdOf: (object: never) => string | null; apply: Apply }> = {
  "payment_intent.succeeded": {
    providerIdOf: (intent: Stripe.PaymentIntent) => intent.id,
    apply: async (tx, invoice, attempt, intent: Stripe.PaymentIntent) => {
      await setAttemptStatus(tx, attempt.id, "succeeded");
      await recordPaymentOnce(tx, invoice, intent.id, intent.amount_received || intent.amount);
    },
  },
  "payment_intent.payment_failed": {
    providerIdOf: (intent: Stripe.PaymentIntent) => intent.id,
    apply: async (tx, invoice, attempt, intent: Stripe.PaymentIntent) => {
      const current = await latestAttempt(tx, invoice.businessId, invoice.id);
      if (current?.id !== attempt.id || current.status === "succeeded" || current.status === "canceled") return;
      const reason = intent.last_payment_error?.message ?? "The payment was declined. Please try another card.";
      await setAttemptStatus(tx, attempt.id, "failed", reason);
    },
  },
  "charge.refunded": {
    providerIdOf: (charge: Stripe.Charge) =>
      typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null),
    apply: async (tx, invoice, attempt, charge: Stripe.Charge) => {
      // A refund implies the charge succeeded, even if that event has not arrived yet.
      await setAttemptStatus(tx, attempt.id, "succeeded");
      await recordPaymentOnce(tx, invoice, attempt.provider_id, charge.amount_captured || charge.amount);
      await reconcileRefunds(tx, invoice, attempt.provider_id, charge.amount_refunded);
    },
  },
};

export type EventOutcome = "applied" | "duplicate" | "ignored";

/** Applies one verified Stripe event to the invoice it concerns, exactly once. */
export async function applyStripeEvent(orm: MikroORM, event: StripeEvent): Promise<EventOutcome> {
  // An order page's payment (its PaymentIntent is an order's, not an invoice attempt's).
  const orderOutcome = await applyOrderPayment(orm, event);
  if (orderOutcome) return orderOutcome;
  const handler = HANDLERS[event.type];
  const providerId = handler?.providerIdOf(event.data.object as never);
  const attempt = providerId ? await attemptByProviderId(forkFor(orm, null), providerId) : null;
  if (!handler || !attempt) return "ignored"; // not an event we act on, or not a payment this portal started
  let outcome: EventOutcome = "applied";
  await changeInvoice(forkFor(orm, attempt.business_id), attempt.invoice_id, async (invoice, tx) => {
    if (!(await claimEvent(tx, event.id, event.type, attempt.business_id))) {
      outcome = "duplicate";
      return outcome;
    }
    await handler.apply(tx, invoice, attempt, event.data.object as never);
    return null;
  });
  return outcome;
}

async function recordPaymentOnce(tx: EntityManager, invoice: Invoice, providerId: string, received: number): Promise<void> {
  if ((await tx.count(Payment, { invoiceId: invoice.id, kind: "payment", reference: providerId })) > 0) return;
  if (invoice.status !== "open") {
    // Paid offline or voided meanwhile: the money still needs a refund from the Stripe dashboard.
    console.warn(`[billing] PaymentIntent ${providerId} succeeded on invoice ${invoice.id} that is ${invoice.status}; not recorded`);
    return;
  }
  const due = amountDue(invoice.status, invoice.total, invoice.amountPaid);
  applyPayment(tx, invoice, Math.min(received, due), "card", providerId);
}

async function reconcileRefunds(tx: EntityManager, invoice: Invoice, providerId: string, refundedByStripe: number): Promise<void> {
  const refunds = await tx.find(Payment, { invoiceId: invoice.id, kind: "refund", reference: providerId });
  const recorded = refunds.reduce((sum, refund) => sum + refund.amount, 0);
  const missing = Math.min(refundedByStripe - recorded, invoice.amountPaid - invoice.amountRefunded);
  if (missing > 0 && (invoice.status === "paid" || invoice.status === "partially_refunded"))
    applyRefund(tx, invoice, missing, "card", providerId);
}
