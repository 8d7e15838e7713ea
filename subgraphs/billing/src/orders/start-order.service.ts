import { type EntityManager, NotFoundError, randomToken, RateLimitedError, sha256, ValidationError } from "@portal/kit";
import { findActiveOfferBySlug } from "../offers/offer.service.js";
import { ProviderUnavailable } from "../payments/online-payment.service.js";
import type { StartedIntent, StripePaymentProvider } from "../payments/stripe-provider.js";
import { Order } from "./order.entity.js";
import type { OrderStartLimiter } from "./order-rate-limit.js";
import { takeOrderNumber } from "./order-store.js";
import { type BuyerFields, referralCodeOf, validateBuyer } from "./order.validation.js";

/** How the order is paid: Stripe's Payment Element, or the demo's test payment. */
export type OrderPayment = { kind: "stripe"; stripe: StripePaymentProvider } | { kind: "test" } | { kind: "offline" };

export interface OrderStarted {
  order: Order;
  /** The buyer's secret for polling the order's status; only its hash is stored. */
  token: string;
  intent: StartedIntent | null;
}

export interface StartOrderRequest {
  businessId: string;
  ip: string;
  input: BuyerFields;
  payment: OrderPayment;
  limiter: OrderStartLimiter;
}

/**
 * A buyer starts paying for an offer on its public page: a pending order with the offer's name,
 * price and grants as they are now, and (with Stripe) a PaymentIntent the browser confirms. Nothing
 * is granted here: only Stripe's verified webhook (or the demo's test payment) marks it paid.
 */
export async function startOrder(
  em: EntityManager,
  request: StartOrderRequest,
): Promise<OrderStarted | ValidationError | NotFoundError | ProviderUnavailable | RateLimitedError> {
  const { input, payment, businessId } = request;
  const invalid = validateBuyer(input);
  if (invalid) return invalid;
  const offer = await findActiveOfferBySlug(em, input.slug);
  if (!offer) return NotFoundError.of("This offer is not for sale");
  if (payment.kind === "offline") return new ProviderUnavailable("Online payment is not available for this portal.");
  const retryAfter = await request.limiter.admit(businessId, request.ip);
  if (retryAfter !== null) return RateLimitedError.of(retryAfter, "Too many orders from here. Please try again later.");

  const token = randomToken();
  const order = await em.transactional(async (tx) => {
    const created = Object.assign(new Order(), {
      businessId,
      number: await takeOrderNumber(tx, businessId),
      offerId: offer.id,
      offerName: offer.name,
      amount: offer.price,
      currency: offer.currency,
      courseIds: [...offer.courseIds],
      groupIds: [...offer.groupIds],
      buyerName: input.name.trim(),
      buyerEmail: input.email.trim(),
      referralCode: referralCodeOf(input.referralCode),
      tokenHash: sha256(token),
    });
    tx.persist(created);
    await tx.flush();
    return created;
  });
  if (payment.kind === "test") return { order, token, intent: null };

  // Stripe is called after the order is committed: a slow Stripe holds no lock, and the idempotency
  // key (the order id) makes a retried call find the same PaymentIntent.
  try {
    const intent = await payment.stripe.createOrderIntent({
      businessId,
      orderId: order.id,
      orderNumber: order.number,
      offerName: order.offerName,
      buyerEmail: order.buyerEmail,
      amount: order.amount,
      currency: order.currency,
    });
    order.paymentIntentId = intent.id;
    await em.nativeUpdate(Order, { id: order.id }, { paymentIntentId: intent.id });
    return { order, token, intent };
  } catch (error) {
    console.error("[billing] starting an order's Stripe payment failed", error);
    return new ProviderUnavailable("Online payment is unavailable right now. Nothing was charged; please try again in a moment.");
  }
}
