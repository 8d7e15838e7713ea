import { buildFederatedSchema, UserError, type SubgraphDeps } from "@portal/kit";
import type { GraphQLSchema } from "graphql";
import { ContactInvoicesResolver } from "./client/contact-invoices.resolver.js";
import { ContactOrdersResolver } from "./client/contact-orders.resolver.js";
import { InvoiceResolver } from "./invoices/invoice.resolver.js";
import { invoiceChangedResolver } from "./live/invoice-changed.resolver.js";
import { OfferResolver } from "./offers/offer.resolver.js";
import type { BillingOptions } from "./options.js";
import { OrderResolver } from "./orders/order.resolver.js";
import { DEFAULT_ORDER_START_LIMITS, OrderStartLimiter } from "./orders/order-rate-limit.js";
import { publicOrderResolver } from "./orders/public-order.resolver.js";
import { InvoicePaymentsResolver } from "./payments/invoice-payments.resolver.js";
import { onlinePaymentResolver } from "./payments/online-payment.resolver.js";
import type { StripePaymentProvider } from "./payments/stripe-provider.js";
import { paymentResolver } from "./payments/payment.resolver.js";
import { referenceResolvers } from "./references.js";

/** Builds the billing schema. Needs no database round trip, so SDL can be printed offline. */
export function buildBillingSchema(
  options: BillingOptions,
  deps: SubgraphDeps,
  stripe: StripePaymentProvider | null,
): Promise<GraphQLSchema> {
  let limiter: OrderStartLimiter | null = null;
  const orderStartLimiter = () => (limiter ??= new OrderStartLimiter(deps.orm, options.orderStartLimits ?? DEFAULT_ORDER_START_LIMITS));
  const resolvers = [
    InvoiceResolver,
    InvoicePaymentsResolver,
    ContactInvoicesResolver,
    paymentResolver(options),
    onlinePaymentResolver(stripe),
    invoiceChangedResolver(deps),
    OfferResolver,
    OrderResolver,
    ContactOrdersResolver,
    publicOrderResolver(options, stripe, orderStartLimiter),
  ] as const;
  return buildFederatedSchema({ resolvers, orphanedTypes: [UserError] }, referenceResolvers);
}
