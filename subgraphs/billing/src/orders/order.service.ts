import type { FilterQuery } from "@mikro-orm/postgresql";
import { type EntityManager, findPage, NotFoundError, type PageArgs, safeEqual, sha256 } from "@portal/kit";
import { isUuid } from "../shared/ids.js";
import { type OrderState, Order } from "./order.entity.js";
import { markOrderPaid } from "./order-events.js";
import { changeOrder, findOrder } from "./order-store.js";

export interface OrderFilter extends PageArgs {
  offerId?: string | null;
  status?: OrderState | null;
  contactId?: string | null;
}

const NO_MATCH = "00000000-0000-0000-0000-000000000000";

/** Newest first (by number, which follows creation). Tenant-scoped `em`: one business only. */
export function listOrders(em: EntityManager, filter: OrderFilter) {
  const where: FilterQuery<Order>[] = [];
  if (filter.offerId) where.push({ offerId: isUuid(filter.offerId) ? filter.offerId : NO_MATCH });
  if (filter.contactId) where.push({ contactId: isUuid(filter.contactId) ? filter.contactId : NO_MATCH });
  if (filter.status) where.push({ status: filter.status });
  return findPage<Order>(em, Order, (where.length ? { $and: where } : {}) as FilterQuery<Order>, "number", filter, "desc");
}

/** A client's own orders: paid ones only (a pending order is an abandoned or unfinished payment). */
export function listContactOrders(em: EntityManager, contactId: string, args: PageArgs) {
  return findPage<Order>(em, Order, { contactId, status: { $in: ["paid", "ready"] } }, "number", args, "desc");
}

/** The order a buyer's page polls, if `token` is its secret (compared in constant time); null otherwise. */
export async function findOrderWithToken(em: EntityManager, orderId: string, token: string): Promise<Order | null> {
  const order = await findOrder(em, orderId);
  return order && safeEqual(order.tokenHash, sha256(token)) ? order : null;
}

/** The demo's test payment: the order is paid at once (no money moves), exactly as a verified Stripe payment would be. */
export async function payOrderWithTestPayment(em: EntityManager, orderId: string, token: string): Promise<Order | NotFoundError> {
  if (!(await findOrderWithToken(em, orderId, token))) return NotFoundError.of("No such order");
  const order = await changeOrder(em, orderId, async (locked, tx) => {
    markOrderPaid(tx, locked, "test", null);
  });
  return order ?? NotFoundError.of("No such order");
}
