import { ValidationError } from "@portal/kit";
import { isUuid } from "../shared/ids.js";
import { computeTotals } from "./totals.js";

/** What staff send for a new invoice or a draft edit; amounts in integer minor units. */
export interface InvoiceFields {
  contactId: string;
  currency: string;
  lines: { description: string; quantity: number; unitPrice: number }[];
  taxRateBps?: number | null;
  discountAmount?: number | null;
  issueDate: string;
  dueDate: string;
  notes?: string | null;
  memo?: string | null;
}

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** GraphQL Int is 32-bit; every amount, totals included, must fit. */
export const MAX_AMOUNT = 2_147_483_647;
const MAX_LINES = 100;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const isWhole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** The first problem, naming its field (`lines.0.quantity`), or null. */
export function validateInvoice(input: InvoiceFields): ValidationError | null {
  if (!isUuid(input.contactId)) return ValidationError.of("contactId", "Choose a contact");
  if (!CURRENCIES.has(input.currency.trim().toUpperCase()))
    return ValidationError.of("currency", "Use a three-letter ISO 4217 currency code, e.g. USD");
  if (input.lines.length === 0) return ValidationError.of("lines", "Add at least one line");
  if (input.lines.length > MAX_LINES) return ValidationError.of("lines", `At most ${MAX_LINES} lines`);
  for (const [index, line] of input.lines.entries()) {
    if (!line.description.trim()) return ValidationError.of(`lines.${index}.description`, "Describe the item");
    if (line.description.trim().length > 500) return ValidationError.of(`lines.${index}.description`, "At most 500 characters");
    if (!isWhole(line.quantity, 1, 1_000_000))
      return ValidationError.of(`lines.${index}.quantity`, "Quantity must be a whole number from 1 to 1,000,000");
    if (!isWhole(line.unitPrice, 0, MAX_AMOUNT))
      return ValidationError.of(`lines.${index}.unitPrice`, "Unit price must be zero or more, in minor units (cents)");
  }
  if (input.taxRateBps != null && !isWhole(input.taxRateBps, 0, 10_000))
    return ValidationError.of("taxRateBps", "Tax rate must be 0 to 10000 basis points (0-100 %)");
  if (input.discountAmount != null && !isWhole(input.discountAmount, 0, MAX_AMOUNT))
    return ValidationError.of("discountAmount", "Discount must be zero or more, in minor units");
  if (!isIsoDate(input.issueDate)) return ValidationError.of("issueDate", "Use a date like 2026-01-31");
  if (!isIsoDate(input.dueDate)) return ValidationError.of("dueDate", "Use a date like 2026-01-31");
  if (input.dueDate < input.issueDate) return ValidationError.of("dueDate", "The due date cannot be before the issue date");
  if ((input.notes ?? "").length > 5000) return ValidationError.of("notes", "At most 5000 characters");
  if ((input.memo ?? "").length > 5000) return ValidationError.of("memo", "At most 5000 characters");
  const totals = computeTotals(input.lines, input.taxRateBps ?? null, input.discountAmount ?? null);
  if (input.discountAmount != null && input.discountAmount > totals.subtotal)
    return ValidationError.of("discountAmount", "The discount cannot exceed the subtotal");
  if (totals.subtotal > MAX_AMOUNT || totals.total > MAX_AMOUNT) return ValidationError.of("lines", "The invoice total is too large");
  return null;
}
