import type { MikroORM } from "@mikro-orm/postgresql";
import { forkFor, sql } from "@portal/kit";
import type Stripe from "stripe";
import type { StripeEvent } from "../payments/stripe-provider.js";
import { isUuid } from "../shared/ids.js";
import { claimEvent } from "../webhooks/provider-events.js";
import { markOrderPaid } from "./order-events.js";
import { changeOrder } from "./order-store.js";

export type OrderEventOutcome = "applied" | "duplicate" | "ignored";

/**
 * The order a PaymentIntent pays: by its id, else by the `orderId` its metadata carries (set when
 * billing created it). Webhooks arrive without a tenant, so this one lookup crosses businesses.
 */
async function orderOfIntent(orm: MikroORM, intent: Stripe.PaymentIntent): Promise<{ id: string; business_id: string } | null> {
  const em = forkFor(orm, null);
  const [byIntent] = await sql<{ id: string; business_id: string }>(
    em,
    `select id, business_id from billing.offer_order where payment_intent_id = ?`,
    [intent.id],
  );
  if (byIntent) return byIntent;
  const orderId = intent.metadata?.orderId;
  if (!orderId || !isUuid(orderId)) return null;
  const [byMetadata] = await sql<{ id: string; business_id: string }>(
    em,
    `select id, business_id from billing.offer_order where id = ? and business_id::text = ? and payment_intent_id is null`,
    [orderId, intent.metadata?.businessId ?? ""],
  );
  return byMetadata ?? null;
}

/**
 * `payment_intent.succeeded` for an order: marks it paid and asks identity for the buyer, once per
 * order. The event id is claimed in the same transaction (a replay changes nothing), and an order
 * already paid by an earlier event stays as it is. Null when the intent is not an order's.
 */
export async function applyOrderPayment(orm: MikroORM, event: StripeEvent): Promise<OrderEventOutcome | null> {
  if (event.type !== "payment_intent.succeeded") return null;
  const intent = event.data.object as Stripe.PaymentIntent;
  const found = await orderOfIntent(orm, intent);
  if (!found) return null;
  let outcome: OrderEventOutcome = "ignored";
  await changeOrder(forkFor(orm, found.business_id), found.id, async (order, tx) => {
    if (!(await claimEvent(tx, event.id, event.type, order.businessId))) {
      outcome = "duplicate";
      return;
    }
    const received = intent.amount_received || intent.amount;
    if (received < order.amount || (intent.currency && intent.currency.toUpperCase() !== order.currency)) {
      console.warn(`[billing] PaymentIntent ${intent.id} paid ${received} ${intent.currency} for order ${order.id}; not marked paid`);
      return;
    }
    outcome = markOrderPaid(tx, order, "card", intent.id) ? "applied" : "duplicate";
  });
  return outcome;
}
