/**
 * Live totals in the invoice editor, by the billing API's rules (subgraphs/billing totals): integer
 * minor units; the fixed discount (capped at the subtotal) comes off before tax; tax in basis
 * points on the discounted subtotal, rounded half up once per invoice. Kept identical so the
 * preview matches what the server stores.
 */
export interface LineAmounts {
  quantity: number;
  unitPrice: number;
}

export interface InvoiceTotals {
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
}

export function lineTotal(line: LineAmounts): number {
  return line.quantity * line.unitPrice;
}

export function computeTotals(lines: LineAmounts[], taxRateBps: number | null, discountAmount: number | null): InvoiceTotals {
  const subtotal = lines.reduce((sum, line) => sum + lineTotal(line), 0);
  const discount = Math.min(discountAmount ?? 0, subtotal);
  const taxable = subtotal - discount;
  const tax = taxRateBps ? roundHalfUp(taxable * taxRateBps, 10_000) : 0;
  return { subtotal, discount, tax, total: taxable + tax };
}

/** numerator / denominator rounded half up, exact for non-negative integers. */
export function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}
