import { LockMode } from "@mikro-orm/postgresql";
import { NotFoundError, type EntityManager } from "@portal/kit";
import { Invoice } from "../invoices/invoice.entity.js";
import { amountDue } from "../invoices/totals.js";
import { isUuid } from "../shared/ids.js";
import { insertAttempt, latestAttempt, setAttemptStatus, type PaymentAttempt } from "./payment-attempts.js";
import type { StartedIntent, StripePaymentProvider } from "./stripe-provider.js";

/** Why the invoice cannot be paid now; `message` is shown to the client as is. */
export class NotPayable {
  constructor(
    readonly invoice: Invoice,
    readonly message: string,
  ) {}
}

/** Stripe could not be reached or refused the request; nothing was charged. */
export class ProviderUnavailable {
  constructor(readonly message: string) {}
}

export interface PaymentStarted {
  intent: StartedIntent;
  invoice: Invoice;
}

/** Same invoice, amount due and attempt: same key, so Stripe hands back the same PaymentIntent. */
export const idempotencyKeyOf = (invoiceId: string, amount: number, generation: number) =>
  `invoice-${invoiceId}-due-${amount}-attempt-${generation}`;

/**
 * Starts (or resumes) the online payment of everything due on the contact's invoice. The invoice row
 * is locked for the whole transaction, so concurrent clicks queue and the second one finds the first
 * one's attempt instead of creating another PaymentIntent.
 */
export async function startInvoicePayment(
  em: EntityManager,
  invoiceId: string,
  contactId: string,
  stripe: StripePaymentProvider,
): Promise<PaymentStarted | NotPayable | ProviderUnavailable | NotFoundError> {
  if (!isUuid(invoiceId)) return NotFoundError.of("No such invoice");
  return em.transactional(async (tx) => {
    const invoice = await tx.findOne(Invoice, { id: invoiceId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!invoice || invoice.contactId !== contactId || invoice.status === "draft") return NotFoundError.of("No such invoice");
    const refused = notPayableReason(invoice);
    if (refused) return new NotPayable(invoice, refused);
    const due = amountDue(invoice.status, invoice.total, invoice.amountPaid);
    try {
      const latest = await latestAttempt(tx, invoice.businessId, invoice.id);
      const resumed = latest ? await resume(tx, stripe, latest, due) : null;
      if (resumed === "confirming") return new NotPayable(invoice, "Your payment is being confirmed. This page updates as soon as it is.");
      if (resumed) return { intent: resumed, invoice };
      const generation = (latest?.generation ?? 0) + 1;
      const intent = await stripe.createIntent({
        businessId: invoice.businessId,
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        amount: due,
        currency: invoice.currency,
        idempotencyKey: idempotencyKeyOf(invoice.id, due, generation),
      });
      await insertAttempt(tx, {
        business_id: invoice.businessId,
        invoice_id: invoice.id,
        generation,
        amount: due,
        currency: invoice.currency,
        provider_id: intent.id,
      });
      return { intent, invoice };
    } catch (error) {
      console.error("[billing] starting a Stripe payment failed", error);
      return new ProviderUnavailable("Online payment is unavailable right now. Nothing was charged; please try again in a moment.");
    }
  });
}

function notPayableReason(invoice: Invoice): string | null {
  if (invoice.status === "open") return null;
  if (invoice.status === "void") return "This invoice was cancelled and cannot be paid.";
  return "This invoice is already paid.";
}

/**
 * The newest attempt is reused while its PaymentIntent can still be paid for the same amount (a
 * declined card can be retried on the same intent). An intent for an outdated amount is cancelled so
 * an old browser tab cannot pay it, and a new attempt starts.
 */
async function resume(
  tx: EntityManager,
  stripe: StripePaymentProvider,
  latest: PaymentAttempt,
  due: number,
): Promise<StartedIntent | "confirming" | null> {
  if (latest.status === "canceled") return null;
  const intent = await stripe.retrieveIntent(latest.provider_id);
  if (intent.status === "succeeded" || intent.status === "processing") return "confirming";
  if (intent.status === "canceled") {
    await setAttemptStatus(tx, latest.id, "canceled");
    return null;
  }
  if (latest.amount === due && intent.amount === due) return intent;
  await stripe.cancelIntent(latest.provider_id);
  await setAttemptStatus(tx, latest.id, "canceled");
  return null;
}
