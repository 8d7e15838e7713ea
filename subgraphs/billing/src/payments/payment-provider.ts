import type { Invoice } from "../invoices/invoice.entity.js";
import type { PaymentMethod } from "./payment.entity.js";

/** A completed charge, ready to be recorded against the invoice. */
export interface CompletedCharge {
  amount: number;
  method: PaymentMethod;
  /** Provider's id for the charge (PaymentIntent id for Stripe). */
  reference: string;
}

/**
 * Payments that complete at once (test-payment mode). Stripe works in two steps instead, so it has
 * its own provider (`stripe-provider.ts`): start a PaymentIntent, record the money from the verified
 * webhook (`src/webhooks/`).
 */
export interface PaymentProvider {
  readonly name: "test" | "stripe";
  /** Charges `amount` for the invoice now, or throws. */
  charge(invoice: Invoice, amount: number): Promise<CompletedCharge>;
}

/** The clearly labelled demo mode: no money moves, the payment is recorded with method `test`. */
export const testPaymentProvider: PaymentProvider = {
  name: "test",
  async charge(invoice, amount) {
    return { amount, method: "test", reference: `test-payment-${invoice.id}-${Date.now()}` };
  },
};
