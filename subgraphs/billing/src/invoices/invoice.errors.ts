import { UserError } from "@portal/kit";
import type { Invoice } from "./invoice.entity.js";
import { type InvoiceStatus, statusOf } from "./invoice-status.js";

/** The invoice's status does not allow this (e.g. editing after it was sent). */
export class InvoiceStateError extends UserError {
  status!: InvoiceStatus;
  static of(invoice: Pick<Invoice, "status" | "dueDate">, message: string): InvoiceStateError {
    return Object.assign(new InvoiceStateError(), { status: statusOf(invoice), message });
  }
}
