import type { Invoice } from "./invoice.entity.js";

/** What clients and staff see; the stored status plus OVERDUE, which is an open invoice past its due date. */
export enum InvoiceStatus {
  DRAFT = "DRAFT",
  OPEN = "OPEN",
  OVERDUE = "OVERDUE",
  PAID = "PAID",
  VOID = "VOID",
  REFUNDED = "REFUNDED",
  PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED",
}

/** Today's calendar date in UTC, the day against which due dates are compared. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export function statusOf(invoice: Pick<Invoice, "status" | "dueDate">, today = todayIso()): InvoiceStatus {
  if (invoice.status === "open" && invoice.dueDate < today) return InvoiceStatus.OVERDUE;
  return invoice.status.toUpperCase() as InvoiceStatus;
}
