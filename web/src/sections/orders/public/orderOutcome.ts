/**
 * What the payment result page tells the buyer, from the order's public status. The order turns
 * paid when Stripe's webhook arrives and the buyer's contact is found or created a moment later,
 * so the page asks again until it knows which of the two endings applies.
 */
export type OrderOutcome =
  /** Payment not confirmed yet, or the buyer's contact not resolved yet: keep asking. */
  | "CONFIRMING"
  /** A new client: the invitation is on its way. */
  | "CHECK_EMAIL"
  /** Someone who already had (or was invited to) the portal: sign in to find what they bought. */
  | "SIGN_IN"
  /** The payment did not go through. */
  | "FAILED";

export interface PublicOrderStatus {
  status: string;
  /** The buyer's portal access before this order, once their contact is known. */
  buyerAccess?: string | null;
  /** Whether the contact was created for this order, once known. */
  newContact?: boolean | null;
}

const UNFINISHED = new Set(["PENDING", "PROCESSING", "AWAITING_PAYMENT", "PAYMENT_RECEIVED"]);
const FAILED = new Set(["FAILED", "CANCELLED", "CANCELED", "EXPIRED"]);
const HAD_ACCESS = new Set(["ACTIVE", "INVITED"]);

export function orderOutcome(order: PublicOrderStatus | null | undefined): OrderOutcome {
  if (!order || UNFINISHED.has(order.status)) return "CONFIRMING";
  if (FAILED.has(order.status)) return "FAILED";
  if (order.newContact === true) return "CHECK_EMAIL";
  if (order.buyerAccess && HAD_ACCESS.has(order.buyerAccess)) return "SIGN_IN";
  if (order.newContact === false || order.buyerAccess) return "CHECK_EMAIL";
  // Paid, but the buyer's contact is not resolved yet.
  return "CONFIRMING";
}

/** Ask again after 1 s at first, then less often, never more than 5 s apart. */
export function pollDelay(attempt: number): number {
  return Math.min(5000, 1000 * 1.5 ** Math.max(0, attempt - 2));
}

/** After this long without an answer the page says the confirmation is slow (it keeps asking). */
export const SLOW_AFTER_MS = 60_000;
