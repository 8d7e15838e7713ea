import { identity } from "@portal/contracts";
import { consume, type ConsumerOf, type SubgraphDeps } from "@portal/kit";
import { recordOrderPaid } from "./order-events.js";
import { changeOrder } from "./order-store.js";

/** Billing's consumer of other subgraphs' events (the identity projection's consumer shares the name). */
export const BILLING_CONSUMER: ConsumerOf = { schema: "billing", name: "billing" };

/**
 * `identity.order_buyer.resolved` → the order gets its contact and `billing.order.paid` goes out, once:
 * only a paid order without a contact moves on, so a redelivered or repeated answer changes nothing.
 */
export async function consumeResolvedBuyers(deps: SubgraphDeps): Promise<void> {
  await consume(deps, BILLING_CONSUMER, identity.orderBuyerResolved, async (event, em) => {
    const { orderId, contactId, created, accessStatus } = event.payload;
    await changeOrder(em, orderId, async (order, tx) => {
      if (order.status !== "paid" || order.contactId) return;
      Object.assign(order, { status: "ready", contactId, newContact: created, buyerAccessStatus: accessStatus });
      recordOrderPaid(tx, order);
    });
  });
}
