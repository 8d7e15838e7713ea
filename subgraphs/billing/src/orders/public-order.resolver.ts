import { forbidden, NotFoundError, requireBusiness, type SubgraphContext } from "@portal/kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { findActiveOfferBySlug } from "../offers/offer.service.js";
import { PublicOffer } from "../offers/offer.types.js";
import type { BillingOptions } from "../options.js";
import { ProviderUnavailable } from "../payments/online-payment.service.js";
import { PaymentMode, PaymentUnavailable } from "../payments/online-payment.types.js";
import type { StripePaymentProvider } from "../payments/stripe-provider.js";
import type { OrderStartLimiter } from "./order-rate-limit.js";
import { findOrderWithToken, payOrderWithTestPayment } from "./order.service.js";
import { OrderStarted, PayOrderResult, PublicOrderStatus, StartOrderInput, StartOrderResult, toPublicOrderStatus } from "./order.types.js";
import { type OrderPayment, startOrder } from "./start-order.service.js";

/**
 * The public order page's API: no sign-in, on the business's portal host (the host selects the
 * business, so every lookup here is in that business only). Built per schema: how orders are paid
 * comes from the subgraph's options.
 */
export function publicOrderResolver(options: BillingOptions, stripe: StripePaymentProvider | null, limiter: () => OrderStartLimiter) {
  const payment: OrderPayment = stripe ? { kind: "stripe", stripe } : options.testPayments ? { kind: "test" } : { kind: "offline" };
  const paymentMode = stripe ? PaymentMode.STRIPE : options.testPayments ? PaymentMode.TEST : PaymentMode.OFFLINE;

  @Resolver()
  class PublicOrderResolver {
    @Query(() => PublicOffer, {
      nullable: true,
      description: "Anyone on the portal's host: the offer its order page `/buy/<slug>` sells; null when unknown or archived.",
    })
    async publicOffer(@Arg("slug", () => String) slug: string, @Ctx() ctx: SubgraphContext): Promise<PublicOffer | null> {
      requireBusiness(ctx.caller);
      const offer = await findActiveOfferBySlug(ctx.em, slug);
      if (!offer) return null;
      return Object.assign(new PublicOffer(), {
        slug: offer.slug,
        name: offer.name,
        descriptionHtml: offer.descriptionHtml,
        price: offer.price,
        currency: offer.currency,
        paymentMode,
        stripePublishableKey: stripe?.publishableKey ?? null,
      });
    }

    @Mutation(() => StartOrderResult, {
      description:
        "Anyone on the portal's host: starts buying an offer (a pending order, and with Stripe a PaymentIntent). Limited per visitor. Nothing is granted until the payment is confirmed.",
    })
    async startOrder(
      @Arg("input", () => StartOrderInput) input: StartOrderInput,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof StartOrderResult> {
      const businessId = requireBusiness(ctx.caller);
      const result = await startOrder(ctx.em, { businessId, ip: ctx.caller.ip, input, payment, limiter: limiter() });
      if (result instanceof ProviderUnavailable) return Object.assign(new PaymentUnavailable(), { message: result.message });
      if (!("token" in result)) return result;
      return Object.assign(new OrderStarted(), {
        orderId: result.order.id,
        orderToken: result.token,
        paymentMode,
        clientSecret: result.intent?.clientSecret ?? null,
        publishableKey: result.intent ? (stripe?.publishableKey ?? null) : null,
        amount: result.order.amount,
        currency: result.order.currency,
      });
    }

    @Query(() => PublicOrderStatus, {
      nullable: true,
      description: "The buyer's result page: its order's status, with the token startOrder returned; null for a wrong token or id.",
    })
    async publicOrderStatus(
      @Arg("orderId", () => ID) orderId: string,
      @Arg("orderToken", () => String) orderToken: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<PublicOrderStatus | null> {
      requireBusiness(ctx.caller);
      const order = await findOrderWithToken(ctx.em, orderId, orderToken);
      return order ? toPublicOrderStatus(order) : null;
    }

    @Mutation(() => PayOrderResult, {
      description: "Test-payment mode only (the embedded demo): pays the order locally, no money moves; FORBIDDEN otherwise.",
    })
    async payOrderWithTestPayment(
      @Arg("orderId", () => ID) orderId: string,
      @Arg("orderToken", () => String) orderToken: string,
      @Ctx() ctx: SubgraphContext,
    ): Promise<typeof PayOrderResult> {
      requireBusiness(ctx.caller);
      if (payment.kind !== "test") throw forbidden("Test payments are not enabled in this portal");
      const result = await payOrderWithTestPayment(ctx.em, orderId, orderToken);
      return result instanceof NotFoundError ? result : toPublicOrderStatus(result);
    }
  }
  return PublicOrderResolver;
}
