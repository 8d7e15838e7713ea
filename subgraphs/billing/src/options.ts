import type { OrderStartLimits } from "./orders/order-rate-limit.js";

/** Stripe credentials; all three come from the environment together. */
export interface StripeKeys {
  secretKey: string;
  publishableKey: string;
  webhookSecret: string;
}

/** Where the Stripe SDK sends API calls; only tests set it, to a loopback server speaking Stripe's API. */
export interface StripeApiBase {
  host: string;
  port: number;
  protocol: "http" | "https";
}

export interface BillingOptions {
  /** Real online payments (PaymentIntents confirmed by the verified webhook); absent in the embedded demo. */
  stripe?: StripeKeys;
  /** Tests only: overrides api.stripe.com. */
  stripeApiBase?: StripeApiBase;
  /**
   * Completes payments locally, clearly labelled, so the pay journey can be clicked through without
   * Stripe. Refused when Stripe keys are set: a real portal must never mark invoices paid for free.
   */
  testPayments: boolean;
  /** Orders one visitor may start on public order pages per window (default 20 per 15 minutes). */
  orderStartLimits?: OrderStartLimits;
}

export class BillingConfigError extends Error {}

/** Fails at start-up, not at the first payment, when the options contradict each other. */
export function checkBillingOptions(options: BillingOptions): BillingOptions {
  const keys = options.stripe ? Object.values(options.stripe).filter(Boolean) : [];
  if (options.testPayments && keys.length > 0) {
    throw new BillingConfigError(
      "Test payments cannot be enabled while Stripe keys are set: unset BILLING_TEST_PAYMENTS or the STRIPE_* keys",
    );
  }
  if (keys.length > 0 && keys.length < 3) {
    throw new BillingConfigError("Stripe needs all of STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY and STRIPE_WEBHOOK_SECRET");
  }
  return options;
}
