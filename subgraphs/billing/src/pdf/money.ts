/**
 * Money formatting for integer minor units. The number of minor digits comes from Intl (ISO 4217
 * data), so JPY (0 digits) and KWD (3 digits) are right without a hand-kept table.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** How many minor-unit digits a currency has (2 for USD, 0 for JPY, 3 for KWD). */
export function minorUnitDigits(currency: string): number {
  return currencyFormatter(currency.toUpperCase(), "en-US").resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats integer minor units, e.g. formatMoney(123456, "USD") === "$1,234.56". */
export function formatMoney(minorUnits: number, currency: string, locale = "en-US"): string {
  if (!Number.isSafeInteger(minorUnits)) throw new RangeError(`Amount must be an integer number of minor units, got ${minorUnits}`);
  const code = currency.toUpperCase();
  const major = minorUnits / 10 ** minorUnitDigits(code);
  return currencyFormatter(code, locale).format(major);
}

/** Formats a rate in basis points as a percentage, e.g. 825 → "8.25%", 2000 → "20%". */
export function formatBasisPoints(basisPoints: number, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(basisPoints / 10_000);
}

/** Formats a quantity without trailing zeros, e.g. 2 → "2", 1.5 → "1.5". */
export function formatQuantity(quantity: number, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(quantity);
}
