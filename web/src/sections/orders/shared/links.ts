/**
 * Addresses of the order pages. The offer's public page lives on the business's portal host, so
 * the link staff copy is built from the host the console is open on (the same host the portal uses).
 */

/** A referral code as the gateway's affiliate links carry them; anything else is not passed on. */
const REFERRAL_CODE = /^[A-Za-z0-9_-]{1,64}$/;

/** `/buy/<slug>`, the offer's public order page. */
export function offerPath(slug: string): string {
  return `/buy/${encodeURIComponent(slug)}`;
}

/** The whole public link of an offer, e.g. `https://studio.example.com/buy/yoga-course`. */
export function offerUrl(origin: string, slug: string): string {
  return `${origin.replace(/\/+$/, "")}${offerPath(slug)}`;
}

/**
 * Where the buyer lands after paying: the result page, which looks the order up by its id. The
 * order's secret token stays out of the address (it is kept in the tab's session storage).
 */
export function orderDonePath(slug: string, orderId: string): string {
  return `${offerPath(slug)}/done?${new URLSearchParams({ order: orderId }).toString()}`;
}

/**
 * The affiliate's referral code from the page's address (`?ref=`, which the gateway's referral
 * redirect appends to the landing URL), or null when there is none or it is not a code.
 */
export function referralCodeFrom(search: URLSearchParams): string | null {
  const code = search.get("ref")?.trim() ?? "";
  return REFERRAL_CODE.test(code) ? code : null;
}

/** The receipt page of an order in the buyer's portal. */
export function orderReceiptPath(orderId: string): string {
  return `/orders/${encodeURIComponent(orderId)}`;
}

/** The order's receipt PDF, served by the gateway's files endpoint (same origin, session cookie). */
export function orderReceiptPdfUrl(orderId: string): string {
  return `/files/billing/orders/${encodeURIComponent(orderId)}/receipt.pdf`;
}
