import { formatDay, formatMoney } from "../../../shared/money";

interface InvoiceSummaryLike {
  hasInvoices: boolean;
  outstandingCount: number;
  totalDue: number;
  currency: string | null;
  nextDueDate: string | null;
}

/** The dashboard card's lines for the client's invoices; null hides the card (no invoices). */
export function invoiceCardLines(summary: InvoiceSummaryLike | null | undefined): string[] | null {
  if (!summary?.hasInvoices) return null;
  if (summary.outstandingCount === 0) return ["Nothing to pay. You're all caught up."];
  const count = summary.outstandingCount === 1 ? "1 outstanding invoice" : `${summary.outstandingCount} outstanding invoices`;
  const lines = [count];
  if (summary.currency) lines.push(`Total due: ${formatMoney(summary.totalDue, summary.currency)}`);
  if (summary.nextDueDate) lines.push(`Next due: ${formatDay(summary.nextDueDate)}`);
  return lines;
}
