import type { InvoiceDetailFragment, InvoiceInput } from "../../../gql/graphql";
import { bpsToPercent, minorToInput, parseDecimal, parseMoney, utcDay } from "../../../shared/money";
import { computeTotals, type InvoiceTotals } from "../shared/totals";
import type { Problem } from "../../../shared/results";

/** One line as staff type it: text inputs, converted to minor units on save. */
export interface LineDraft {
  /** Stable React key, so removing a line keeps the others' focus and values. */
  key: string;
  description: string;
  quantity: string;
  unitPrice: string;
}

export interface InvoiceDraft {
  contactId: string;
  currency: string;
  lines: LineDraft[];
  /** Percent, e.g. "8.25". */
  taxRate: string;
  /** Major units, e.g. "10.00". */
  discount: string;
  issueDate: string;
  dueDate: string;
  notes: string;
  memo: string;
}

let nextKey = 0;
export function emptyLine(): LineDraft {
  nextKey += 1;
  return { key: `line-${nextKey}`, description: "", quantity: "1", unitPrice: "" };
}

export function newDraft(contactId = ""): InvoiceDraft {
  return {
    contactId,
    currency: "USD",
    lines: [emptyLine()],
    taxRate: "",
    discount: "",
    issueDate: utcDay(),
    dueDate: utcDay(30),
    notes: "",
    memo: "",
  };
}

export function draftFromInvoice(invoice: InvoiceDetailFragment): InvoiceDraft {
  return {
    contactId: invoice.contact.id,
    currency: invoice.currency,
    lines: invoice.lines.map((line) => ({
      ...emptyLine(),
      description: line.description,
      quantity: String(line.quantity),
      unitPrice: minorToInput(line.unitPrice, invoice.currency),
    })),
    taxRate: invoice.taxRateBps == null ? "" : bpsToPercent(invoice.taxRateBps),
    discount: invoice.discountAmount == null ? "" : minorToInput(invoice.discountAmount, invoice.currency),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    notes: invoice.notes,
    memo: invoice.memo ?? "",
  };
}

function parseQuantity(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** Totals as the server will compute them; lines that do not parse yet count as zero. */
export function draftTotals(draft: InvoiceDraft): InvoiceTotals {
  const lines = draft.lines.map((line) => ({
    quantity: parseQuantity(line.quantity) ?? 0,
    unitPrice: parseMoney(line.unitPrice, draft.currency) ?? 0,
  }));
  return computeTotals(lines, parseDecimal(draft.taxRate, 2), parseMoney(draft.discount, draft.currency));
}

/**
 * The API input, or the first field that cannot be converted (named like the server's
 * ValidationError paths, e.g. `lines.1.unitPrice`), so both show next to the same input.
 */
export function draftToInput(draft: InvoiceDraft): { input: InvoiceInput } | { problem: Problem } {
  const currency = draft.currency.trim().toUpperCase();
  const fail = (field: string, message: string) => ({ problem: { kind: "ValidationError", field, message } });
  const lines: InvoiceInput["lines"] = [];
  for (const [index, line] of draft.lines.entries()) {
    const quantity = parseQuantity(line.quantity);
    if (quantity === null) return fail(`lines.${index}.quantity`, "Enter a whole number, e.g. 2");
    const unitPrice = parseMoney(line.unitPrice, currency);
    if (unitPrice === null) return fail(`lines.${index}.unitPrice`, "Enter a price, e.g. 12.50");
    lines.push({ description: line.description.trim(), quantity, unitPrice });
  }
  const taxRateBps = draft.taxRate.trim() ? parseDecimal(draft.taxRate, 2) : null;
  if (draft.taxRate.trim() && taxRateBps === null) return fail("taxRateBps", "Enter a percentage, e.g. 8.25");
  const discountAmount = draft.discount.trim() ? parseMoney(draft.discount, currency) : null;
  if (draft.discount.trim() && discountAmount === null) return fail("discountAmount", "Enter an amount, e.g. 10.00");
  return {
    input: {
      contactId: draft.contactId,
      currency,
      lines,
      taxRateBps,
      discountAmount,
      issueDate: draft.issueDate,
      dueDate: draft.dueDate,
      notes: draft.notes.trim() || null,
      memo: draft.memo.trim() || null,
    },
  };
}
