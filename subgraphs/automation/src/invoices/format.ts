/** How invoice amounts and dates read in emails. One locale for now: emails are in English. */
const LOCALE = "en-US";

/** Formats an integer amount in minor units, e.g. (125000, "USD") → "$1,250.00", (5000, "JPY") → "¥5,000". */
export function formatMoney(minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(LOCALE, { style: "currency", currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/** `2026-03-31` (a calendar day) or an ISO instant → "March 31, 2026", read in UTC like billing's dates. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(LOCALE, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(date);
}

const METHODS: Record<string, string> = {
  cash: "Cash",
  bank_transfer: "Bank transfer",
  check: "Check",
  card: "Card",
  other: "Other",
  test: "Test payment",
};

export function formatPaymentMethod(method: string): string {
  return METHODS[method.toLowerCase()] ?? method;
}
