import { billing } from "@portal/contracts";
import { type EntityManager, publish } from "@portal/kit";
import type { Order } from "./order.entity.js";

/** The portal's receipt page of an order, relative to the business's portal URL. */
export const orderPortalPath = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`;

/**
 * Marks a pending order paid and asks identity for its buyer as a contact, in the caller's
 * transaction on the locked order. An order already paid changes nothing: a payment is taken once.
 */
export function markOrderPaid(tx: EntityManager, order: Order, method: "card" | "test", paymentIntentId: string | null): boolean {
  if (order.status !== "pending") return false;
  Object.assign(order, {
    status: "paid",
    paidAt: new Date(),
    paymentMethod: method,
    paymentIntentId: paymentIntentId ?? order.paymentIntentId,
  });
  publish(tx, billing.orderPaymentReceived, order.businessId, {
    orderId: order.id,
    offerId: order.offerId,
    buyer: { email: order.buyerEmail, name: order.buyerName },
    referralCode: order.referralCode,
  });
  return true;
}

/** The buyer is a contact now: workflows grant the order's access, automation emails the receipt, affiliates credit the code. */
export function recordOrderPaid(tx: EntityManager, order: Order): void {
  publish(tx, billing.orderPaid, order.businessId, {
    orderId: order.id,
    offerId: order.offerId,
    offerName: order.offerName,
    contactId: order.contactId!,
    newContact: order.newContact ?? false,
    currency: order.currency,
    amountPaid: order.amount,
    paidAt: (order.paidAt ?? new Date()).toISOString(),
    grants: { courseIds: order.courseIds, groupIds: order.groupIds },
    referralCode: order.referralCode,
    portalPath: orderPortalPath(order.id),
  });
}
