import type { EntityManager } from "@portal/kit";

/**
 * Reads made once for every live subscriber of one change: subscribers of a business hear the same
 * message, and what an invoice's fields read for them (its payments, its last failed payment) is
 * the same whoever asks, so the first subscriber's read serves the rest. Views outside a
 * subscription carry none and read through their request as usual.
 */
export class SharedReads {
  private readonly reads = new Map<string, Promise<unknown>>();

  /** `em` is a unit of work of the change's business, apart from any subscriber's socket. */
  constructor(readonly em: EntityManager) {}

  once<T>(key: string, read: (em: EntityManager) => Promise<T>): Promise<T> {
    let pending = this.reads.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read(this.em);
      this.reads.set(key, pending);
    }
    return pending;
  }
}
