import type { EntityManager } from "@portal/kit";
import { Payment } from "./payment.entity.js";

/**
 * Batches `Invoice.payments` for one request: every invoice of a list asks in the same tick, and a
 * single query answers them all, so a page of invoices costs one statement rather than one each.
 */
class PaymentsLoader {
  private pending = new Map<string, ((payments: Payment[]) => void)[]>();
  private failures = new Map<string, ((error: unknown) => void)[]>();

  constructor(private readonly em: EntityManager) {}

  load(invoiceId: string): Promise<Payment[]> {
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) setImmediate(() => void this.flush());
      this.pending.set(invoiceId, [...(this.pending.get(invoiceId) ?? []), resolve]);
      this.failures.set(invoiceId, [...(this.failures.get(invoiceId) ?? []), reject]);
    });
  }

  private async flush(): Promise<void> {
    const [waiting, failing] = [this.pending, this.failures];
    this.pending = new Map();
    this.failures = new Map();
    try {
      const rows = await this.em.find(Payment, { invoiceId: { $in: [...waiting.keys()] } }, { orderBy: { createdAt: "asc", id: "asc" } });
      for (const [invoiceId, resolvers] of waiting) {
        const mine = rows.filter((row) => row.invoiceId === invoiceId);
        for (const resolve of resolvers) resolve(mine);
      }
    } catch (error) {
      for (const rejects of failing.values()) for (const reject of rejects) reject(error);
    }
  }
}

const loaders = new WeakMap<object, PaymentsLoader>();

/** The request's loader, keyed by its context object so it never outlives the request. */
export function paymentsOf(context: object, em: EntityManager, invoiceId: string): Promise<Payment[]> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new PaymentsLoader(em);
    loaders.set(context, loader);
  }
  return loader.load(invoiceId);
}
