/** Order and offer states in words; the API's enum values never show. */
const ORDER_STATUS: Record<string, string> = {
  PENDING: "Awaiting payment",
  PAID: "Paid",
  READY: "Paid",
};

export function orderStatusLabel(status: string): string {
  return ORDER_STATUS[status] ?? status.charAt(0) + status.slice(1).toLowerCase();
}

/** "card" → "Card", "test" → "Test payment (no money moved)". */
export function paymentMethodLabel(method: string | null | undefined): string {
  if (!method) return "—";
  if (method === "test") return "Test payment (no money moved)";
  return method.charAt(0).toUpperCase() + method.slice(1);
}

/** What an offer grants, "1 course and 2 community groups", in words. */
export function grantsInWords(offer: { courseIds: readonly string[]; groupIds: readonly string[] }): string {
  const parts = [
    offer.courseIds.length > 0 && (offer.courseIds.length === 1 ? "1 course" : `${offer.courseIds.length} courses`),
    offer.groupIds.length > 0 && (offer.groupIds.length === 1 ? "1 community group" : `${offer.groupIds.length} community groups`),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" and ") : "nothing yet";
}
