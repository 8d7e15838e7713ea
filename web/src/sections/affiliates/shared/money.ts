/**
 * Money in the affiliates pages: integer minor units of a currency, formatted by the app's one money
 * module (web/src/shared/money.ts), so a commission reads like the invoice it came from.
 */
import { currencyDigits, formatMoney, minorToInput, parseMoney } from "../../../shared/money";

export { currencyDigits, formatMoney, minorToInput, parseMoney };

interface Amount {
  amount: number;
  currency: string;
}

/** "€12.00 + $5.00" for amounts in several currencies; `empty` when there is none. */
export function formatAmounts(amounts: readonly Amount[] | null | undefined, empty = "—"): string {
  const shown = (amounts ?? []).filter((entry) => entry.amount !== 0);
  if (shown.length === 0) return empty;
  return shown.map((entry) => formatMoney(entry.amount, entry.currency)).join(" + ");
}

/** 2000 basis points → "20%", 1250 → "12.5%". */
export function formatBasisPoints(basisPoints: number): string {
  return `${Number((basisPoints / 100).toFixed(2))}%`;
}

/** 0.0345 → "3.5%": a share of 0..1 with one decimal at most. */
export function formatRate(rate: number): string {
  if (!Number.isFinite(rate) || rate <= 0) return "0%";
  return `${Number((rate * 100).toFixed(1))}%`;
}

/** The currency the chart's earnings are in: the one earned most in, else the programme's. */
export function mainCurrency(earnings: readonly Amount[], fallback: string): string {
  const top = [...earnings].sort((a, b) => b.amount - a.amount)[0];
  return top?.currency ?? (fallback || "USD");
}
