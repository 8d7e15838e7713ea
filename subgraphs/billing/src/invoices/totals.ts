/**
 * Invoice arithmetic in integer minor units (cents), never floats. Discount is a fixed amount in
 * minor units taken off the subtotal; tax (basis points, 1 % = 100) applies to the discounted
 * subtotal and is rounded half up to a whole minor unit, once per invoice rather than per line.
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

/** What the client still owes: only an open invoice is payable. */
export function amountDue(status: string, total: number, amountPaid: number): number {
  return status === "open" ? Math.max(total - amountPaid, 0) : 0;
}
