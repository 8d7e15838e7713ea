import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { createInvoice, gql, INVOICE_FIELDS, newTenant, startBilling, type Tenant } from "./helpers.js";
import { deliver, LoopbackStripe, STRIPE_KEYS, stripeEvent } from "./stripe-server.js";

export const START = `mutation($id: ID!) { startInvoicePayment(invoiceId: $id) {
  __typename ... on InvoicePaymentStarted { clientSecret publishableKey amount currency } ... on UserError { message } ... on InvoiceNotPayable { status } } }`;
const INVOICE = `query($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} lastPaymentError payments { kind amount method } } }`;

interface IntentLike {
  id: string;
  amount: number;
}

/** Billing with Stripe keys, its SDK pointed at a loopback Stripe, and shortcuts for the tests. */
export class StripeBilling {
  readonly stripe = new LoopbackStripe();
  billing!: RunningSubgraphProcess;
  webhookUrl!: string;

  async start(): Promise<void> {
    const stripeApiBase = await this.stripe.start();
    this.billing = await startBilling({ testPayments: false, stripe: STRIPE_KEYS, stripeApiBase });
    this.webhookUrl = this.billing.url.replace(/\/graphql$/, "/webhooks/stripe");
  }

  async stop(): Promise<void> {
    await this.billing?.stop();
    await this.stripe.stop();
  }

  async invoiceOf(tenant: Tenant, id: string) {
    return (await gql(this.billing, tenant.contact, INVOICE, { id })).invoice;
  }

  async startPayment(tenant: Tenant, id: string) {
    return (await gql(this.billing, tenant.contact, START, { id })).startInvoicePayment;
  }

  intentOf(clientSecret: string) {
    return this.stripe.intents.get(clientSecret.split("_secret_")[0]!)!;
  }

  attemptsOf(invoiceId: string) {
    return sql<{ provider_id: string; status: string }>(
      forkFor(this.billing.orm, null),
      `select provider_id, status from billing.payment_attempt where invoice_id = ?`,
      [invoiceId],
    );
  }

  /** A sent invoice of 100.00 USD with a started PaymentIntent. */
  async startedInvoice() {
    const tenant = await newTenant(this.billing);
    const invoice = await createInvoice(this.billing, tenant, { send: true });
    const started = await this.startPayment(tenant, invoice.id);
    return { tenant, invoice, intent: this.intentOf(started.clientSecret), started };
  }

  deliver(payload: string, options?: Parameters<typeof deliver>[2]) {
    return deliver(this.webhookUrl, payload, options);
  }
}

export const succeeded = (intent: IntentLike, eventId?: string) =>
  stripeEvent(
    "payment_intent.succeeded",
    { id: intent.id, object: "payment_intent", amount: intent.amount, amount_received: intent.amount, status: "succeeded" },
    eventId,
  );

export const failed = (intent: IntentLike, message: string) =>
  stripeEvent("payment_intent.payment_failed", {
    id: intent.id,
    object: "payment_intent",
    amount: intent.amount,
    amount_received: 0,
    status: "requires_payment_method",
    last_payment_error: { code: "card_declined", message },
  });

export const refunded = (intent: IntentLike, amountRefunded: number) =>
  stripeEvent("charge.refunded", {
    id: `ch_${intent.id}`,
    object: "charge",
    payment_intent: intent.id,
    amount: intent.amount,
    amount_captured: intent.amount,
    amount_refunded: amountRefunded,
    refunded: amountRefunded === intent.amount,
  });
