import { UserError } from "@portal/kit";
import type { InvoiceStatus } from "../invoices/invoice-status.js";

/** The invoice cannot be paid now; `message` says why (already paid, cancelled, payment being confirmed). */
export class InvoiceNotPayable extends UserError {
  status!: InvoiceStatus;
}

/** The payment provider could not be reached or refused the request; nothing was charged. */
export class PaymentUnavailable extends UserError {}
