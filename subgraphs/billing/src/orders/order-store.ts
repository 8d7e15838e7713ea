import { LockMode } from "@mikro-orm/postgresql";
import { type EntityManager, sql } from "@portal/kit";
import { isUuid } from "../shared/ids.js";
import { Order } from "./order.entity.js";

/** Next order number of the business, taken in the creating transaction (no duplicates, no gaps). */
export async function takeOrderNumber(tx: EntityManager, businessId: string): Promise<number> {
  const [row] = await sql<{ last_number: number }>(
    tx,
    `insert into billing.order_counter as counter (business_id, last_number) values (?, 1)
     on conflict (business_id) do update set last_number = counter.last_number + 1
     returning last_number`,
    [businessId],
  );
  return row!.last_number;
}

export function findOrder(em: EntityManager, id: string): Promise<Order | null> {
  return isUuid(id) ? em.findOne(Order, { id }) : Promise.resolve(null);
}

/**
 * Runs `change` on the order locked for update and commits it with whatever `change` published: a
 * webhook and its redelivery, or two consumers' events, queue on the row and the second sees the first's result.
 */
export async function changeOrder(
  em: EntityManager,
  id: string,
  change: (order: Order, tx: EntityManager) => Promise<void>,
): Promise<Order | null> {
  if (!isUuid(id)) return null;
  return em.transactional(async (tx) => {
    const order = await tx.findOne(Order, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!order) return null;
    await change(order, tx);
    await tx.flush();
    return order;
  });
}
