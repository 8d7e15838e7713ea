import type { MikroORM } from "@mikro-orm/postgresql";
import type { WebhookHandler } from "@portal/kit";
import type { StripePaymentProvider, StripeEvent } from "../payments/stripe-provider.js";
import { applyStripeEvent } from "./stripe-events.js";

/**
 * `POST /webhooks/stripe`: refuses (400) anything whose Stripe-Signature does not match the raw body,
 * so Stripe keeps retrying genuine events we failed on (5xx) but never forged ones.
 */
export function stripeWebhook(orm: MikroORM, stripe: StripePaymentProvider): WebhookHandler {
  return async ({ body, headers }) => {
    let event: StripeEvent;
    try {
      event = stripe.verifyEvent(body, headers["stripe-signature"]);
    } catch {
      return { status: 400, body: { error: "invalid signature" } };
    }
    const outcome = await applyStripeEvent(orm, event);
    return { status: 200, body: { received: true, outcome } };
  };
}
