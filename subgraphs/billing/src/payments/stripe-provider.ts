import Stripe from "stripe";
import type { StripeApiBase, StripeKeys } from "../options.js";

/** A PaymentIntent as far as the portal needs it. */
export interface StartedIntent {
  id: string;
  clientSecret: string;
  amount: number;
  currency: string;
  status: string;
}

export interface IntentRequest {
  businessId: string;
  invoiceId: string;
  invoiceNumber: number;
  amount: number;
  currency: string;
  /** Same key, same PaymentIntent: Stripe answers a repeated create with the first result. */
  idempotencyKey: string;
}

export interface OrderIntentRequest {
  businessId: string;
  orderId: string;
  orderNumber: number;
  offerName: string;
  buyerEmail: string;
  amount: number;
  currency: string;
}

export type StripeEvent = Stripe.Event;

/**
 * Card payments through Stripe with the official SDK. Starting a payment creates a PaymentIntent the
 * browser confirms with the Payment Element; the money is recorded only from the verified webhook.
 */
export class StripePaymentProvider {
  readonly name = "stripe" as const;
  private readonly client: Stripe;

  constructor(
    private readonly keys: StripeKeys,
    apiBase?: StripeApiBase,
  ) {
    // Starting a payment holds the invoice's row lock while it talks to Stripe: fail fast, not after 80 s.
    this.client = new Stripe(keys.secretKey, { ...apiBase, maxNetworkRetries: 2, timeout: 15_000, telemetry: false });
  }

  get publishableKey(): string {
    return this.keys.publishableKey;
  }

  async createIntent(request: IntentRequest): Promise<StartedIntent> {
    const intent = await this.client.paymentIntents.create(
      {
        amount: request.amount,
        currency: request.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        description: `Invoice #${request.invoiceNumber}`,
        metadata: { businessId: request.businessId, invoiceId: request.invoiceId },
      },
      { idempotencyKey: request.idempotencyKey },
    );
    return toStarted(intent);
  }

  /** An order page's payment; `metadata.orderId` tells its webhook events from invoices' ones. */
  async createOrderIntent(request: OrderIntentRequest): Promise<StartedIntent> {
    const intent = await this.client.paymentIntents.create(
      {
        amount: request.amount,
        currency: request.currency.toLowerCase(),
        automatic_payment_methods: { enabled: true },
        description: `Order #${request.orderNumber}: ${request.offerName}`.slice(0, 1000),
        receipt_email: request.buyerEmail,
        metadata: { businessId: request.businessId, orderId: request.orderId },
      },
      { idempotencyKey: `order-${request.orderId}` },
    );
    return toStarted(intent);
  }

  async retrieveIntent(id: string): Promise<StartedIntent> {
    return toStarted(await this.client.paymentIntents.retrieve(id));
  }

  /** Stops an intent the amount due no longer matches, so an old browser tab cannot pay it. */
  async cancelIntent(id: string): Promise<void> {
    await this.client.paymentIntents.cancel(id);
  }

  /**
   * Checks Stripe's signature on the exact bytes received and that it was made within the tolerance
   * either side of now; throws otherwise. The SDK refuses old signatures only, so a signature dated
   * in the future (a leaked secret, or a replay prepared in advance) is refused here like an old one.
   */
  verifyEvent(body: Buffer, signature: string | string[] | undefined, now = Date.now()): StripeEvent {
    if (typeof signature !== "string") throw new Error("Missing Stripe-Signature header");
    const event = this.client.webhooks.constructEvent(body, signature, this.keys.webhookSecret, WEBHOOK_TOLERANCE_SECONDS, undefined, now);
    const signedAt = signedAtSeconds(signature);
    if (signedAt === null || signedAt - Math.floor(now / 1000) > WEBHOOK_TOLERANCE_SECONDS)
      throw new Error("Stripe-Signature timestamp is in the future");
    return event;
  }
}

/** Stripe's own default: a signature older (or, here, newer) than five minutes is refused. */
const WEBHOOK_TOLERANCE_SECONDS = 300;

/** The `t=` of a Stripe-Signature header, read as the SDK reads it (the last one counts). */
function signedAtSeconds(header: string): number | null {
  let timestamp: number | null = null;
  for (const item of header.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t" && value !== undefined) timestamp = Number.parseInt(value, 10);
  }
  return timestamp !== null && Number.isFinite(timestamp) ? timestamp : null;
}

function toStarted(intent: Stripe.PaymentIntent): StartedIntent {
  return {
    id: intent.id,
    clientSecret: intent.client_secret ?? "",
    amount: intent.amount,
    currency: intent.currency,
    status: intent.status,
  };
}
