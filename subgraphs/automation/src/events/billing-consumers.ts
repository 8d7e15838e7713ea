import { consumeEvents, type SubgraphDeps } from "@portal/kit";
import { requestNewInvoiceEmail, requestReceiptEmail, type InvoiceEmailSettings } from "../invoices/invoice-email.service.js";
import { BILLING_EVENTS, type InvoicePaid, type InvoiceSent } from "./billing-events.js";

const CONSUMER = "automation";
const SCHEMA = "automation";

/**
 * Invoice emails. A handler that throws (e.g. the contact isn't known here yet) rolls back and
 * pg-boss retries with backoff, so an event that arrives before its contact is delivered later.
 */
export async function consumeBillingEvents(deps: SubgraphDeps, settings: InvoiceEmailSettings): Promise<void> {
  const { boss, orm } = deps;
  await consumeEvents<InvoiceSent>(boss, orm, SCHEMA, CONSUMER, BILLING_EVENTS.invoiceSent, (event, em) => requestNewInvoiceEmail(em, settings, event));
  await consumeEvents<InvoicePaid>(boss, orm, SCHEMA, CONSUMER, BILLING_EVENTS.invoicePaid, (event, em) => requestReceiptEmail(em, settings, event));
}
