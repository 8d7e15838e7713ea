/**
 * The order's secret (from startOrder) lets this tab pay a test order and read the order's status.
 * It is kept in session storage, not in the address: it survives Stripe's redirect back from a
 * bank's check in the same tab, and is not written into history, logs or a shared link.
 */
const KEY_PREFIX = "portal.order-token.";

export function rememberOrderToken(orderId: string, token: string): void {
  try {
    sessionStorage.setItem(KEY_PREFIX + orderId, token);
  } catch {
    // Storage refused (private mode quotas): the page still has the token in memory.
  }
}

export function orderTokenOf(orderId: string): string | null {
  try {
    return sessionStorage.getItem(KEY_PREFIX + orderId);
  } catch {
    return null;
  }
}
