/**
 * Money in the web app: the API speaks integer minor units of an ISO 4217 currency (cents for
 * USD, whole yen for JPY). Formatting and parsing go through Intl so the number of decimals is
 * the currency's own, and parsing never uses floating point.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  const code = currency.toUpperCase();
  let formatter = formatters.get(code);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, { style: "currency", currency: code });
    } catch {
      // An unknown code while staff are still typing it: show plain numbers.
      formatter = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    formatters.set(code, formatter);
  }
  return formatter;
}

/** How many decimals the currency has (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** 123456 USD → "$1,234.56". */
export function formatMoney(minorUnits: number, currency: string): string {
  return formatterFor(currency).format(minorUnits / 10 ** currencyDigits(currency));
}

/** 123456 USD → "1234.56", for an editable input. */
export function minorToInput(minorUnits: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minorUnits);
  const sign = minorUnits < 0 ? "-" : "";
  const abs = Math.abs(minorUnits);
  const whole = Math.floor(abs / 10 ** digits);
  const fraction = String(abs % 10 ** digits).padStart(digits, "0");
  return `${sign}${whole}.${fraction}`;
}

/**
 * "1,234.5" USD → 123450; null when it is not a non-negative amount with at most the currency's
 * decimals. Parsed as text so 0.1 + 0.2 problems cannot arise.
 */
export function parseMoney(text: string, currency: string): number | null {
  return parseDecimal(text.replace(/[,\s]/g, ""), currencyDigits(currency));
}

/** "8.25" → 825 with 2 decimals; null when not a non-negative decimal with at most `digits` decimals. */
export function parseDecimal(text: string, digits: number): number | null {
  const match = /^(\d*)(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (!match[1] && !match[2])) return null;
  const [, whole = "", fraction = ""] = match;
  if (fraction.length > digits) return null;
  const value = Number(whole || "0") * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(value) ? value : null;
}

/** 825 basis points → "8.25". */
export function bpsToPercent(bps: number): string {
  return minorToInputDigits(bps, 2);
}

function minorToInputDigits(value: number, digits: number): string {
  const whole = Math.floor(value / 10 ** digits);
  const fraction = String(value % 10 ** digits)
    .padStart(digits, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** "2026-01-31" → "Jan 31, 2026": calendar days, shown without any time-zone shift. */
export function formatDay(isoDay: string | null | undefined, empty = "—"): string {
  if (!isoDay) return empty;
  const date = new Date(`${isoDay}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? empty : dayFormat.format(date);
}

/** Today as YYYY-MM-DD in UTC, the calendar the billing API uses, optionally `days` ahead. */
export function utcDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
