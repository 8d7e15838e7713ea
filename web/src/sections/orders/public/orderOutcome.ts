/**
 * What the payment result page tells the buyer. The order turns paid when Stripe's webhook arrives
 * and the buyer's contact is found or created a moment later; billing says which ending applies
 * (`nextStep`), and until then the page asks again.
 */
export type OrderOutcome =
  /** Payment not confirmed yet, or the buyer's contact not resolved yet: keep asking. */
  | "CONFIRMING"
  /** A new client: the invitation is on its way. */
  | "CHECK_EMAIL"
  /** Someone who already had (or was invited to) the portal: sign in to find what they bought. */
  | "SIGN_IN"
  /** No such order for this link (a wrong or stale token). */
  | "UNKNOWN";

export interface PublicOrderStatusLike {
  status: string;
  nextStep: string;
}

export function orderOutcome(order: PublicOrderStatusLike | null | undefined, answered: boolean): OrderOutcome {
  if (!order) return answered ? "UNKNOWN" : "CONFIRMING";
  if (order.status !== "READY") return "CONFIRMING";
  if (order.nextStep === "SIGN_IN") return "SIGN_IN";
  if (order.nextStep === "CHECK_EMAIL") return "CHECK_EMAIL";
  return "CONFIRMING";
}

/** Ask again after 1 s at first, then less often, never more than 5 s apart. */
export function pollDelay(attempt: number): number {
  return Math.min(5000, 1000 * 1.5 ** Math.max(0, attempt - 2));
}

/** After this long without an answer the page says the confirmation is slow (it keeps asking). */
export const SLOW_AFTER_MS = 60_000;
