import {
  OutboxEvent,
  ProcessedEvent,
  withIdentityProjection,
  type FileHandler,
  type SubgraphDefinition,
  type WebhookHandler,
} from "@portal/kit";
import { invoiceFiles } from "./files/invoice-files.js";
import { Invoice } from "./invoices/invoice.entity.js";
import { Migration20261124100000Initial } from "./migrations/Migration20261124100000Initial.js";
import { checkBillingOptions, type BillingOptions } from "./options.js";
import { Migration20261124200000StripePayments } from "./migrations/Migration20261124200000StripePayments.js";
import { Migration20261124300000Profiles } from "./migrations/Migration20261124300000Profiles.js";
import { Migration20261205100000IdentityProjection } from "./migrations/Migration20261205100000IdentityProjection.js";
import { Migration20261206160000OrderForms } from "./migrations/Migration20261206160000OrderForms.js";
import { Offer } from "./offers/offer.entity.js";
import { orderFiles } from "./orders/order-files.js";
import { consumeResolvedBuyers } from "./orders/order-buyer-resolved.js";
import { Order } from "./orders/order.entity.js";
import { Payment } from "./payments/payment.entity.js";
import { StripePaymentProvider } from "./payments/stripe-provider.js";
import { buildBillingSchema } from "./schema.js";
import { stripeWebhook } from "./webhooks/stripe-webhook.js";

export { readBillingConfig } from "./config.js";
export { BillingConfigError, type BillingOptions, type StripeApiBase } from "./options.js";
export { computeTotals } from "./invoices/totals.js";
export { seedDemoInvoices, type DemoBillingCaller, type DemoInvoicesInput } from "./seed.js";

/** Invoices, payments and refunds, the client's billing view on Contact, live invoice status, offers and their orders. */
export function createBillingSubgraph(options: BillingOptions): SubgraphDefinition {
  checkBillingOptions(options);
  const stripe = options.stripe ? new StripePaymentProvider(options.stripe, options.stripeApiBase) : null;
  // Branding and contact names for invoice PDFs: billing's copy of identity's data.
  return withIdentityProjection({
    name: "billing",
    schema: "billing",
    entities: [Invoice, Payment, Offer, Order, OutboxEvent, ProcessedEvent],
    migrations: [
      { name: "Migration20261124100000Initial", class: Migration20261124100000Initial },
      { name: "Migration20261124200000StripePayments", class: Migration20261124200000StripePayments },
      { name: "Migration20261124300000Profiles", class: Migration20261124300000Profiles },
      { name: "Migration20261205100000IdentityProjection", class: Migration20261205100000IdentityProjection },
      { name: "Migration20261206160000OrderForms", class: Migration20261206160000OrderForms },
    ],
    buildSchema: (deps) => buildBillingSchema(options, deps, stripe),
    // Stripe calls `POST /webhooks/billing/stripe` on the gateway, which relays it here byte for byte.
    webhooks: (deps): Record<string, WebhookHandler> => (stripe ? { stripe: stripeWebhook(deps.orm, stripe) } : {}),
    // Invoice and receipt PDFs at `GET /files/billing/invoices/...`, order receipts at `/files/billing/orders/...`.
    files: (): Record<string, FileHandler> => ({ invoices: invoiceFiles, orders: orderFiles }),
    // Identity's answer to a paid order (its buyer as a contact) → billing.order.paid.
    startWorkers: (deps) => consumeResolvedBuyers(deps),
  });
}
