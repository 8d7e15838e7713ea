import { billing } from "@portal/contracts";
import { consume, type SubgraphDeps } from "@portal/kit";
import { recordUndeliveredEmails, unreadableEvent } from "../delivery/undelivered-email.js";
import {
  invoiceRecipientOf,
  requestNewInvoiceEmail,
  requestReceiptEmail,
  type InvoiceEmailSettings,
} from "../invoices/invoice-email.service.js";
import { type OrderEmailSettings, requestOrderReceiptEmail } from "../orders/order-email.service.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { AUTOMATION_CONSUMER } from "./consumer.js";

const { NEW_INVOICE, RECEIPT, ORDER_RECEIPT } = NotificationTemplateKey;

/**
 * Invoice emails. A handler that throws (e.g. the contact isn't known here yet) rolls back and
 * pg-boss retries with backoff, so an event that arrives before its contact is delivered later; one
 * that never succeeds is logged FAILED for staff when it becomes a dead letter.
 */
export async function consumeBillingEvents(deps: SubgraphDeps, settings: InvoiceEmailSettings & OrderEmailSettings): Promise<void> {
  await consume(deps, AUTOMATION_CONSUMER, billing.invoiceSent, (event, em) => requestNewInvoiceEmail(em, settings, event), {
    async onDeadLetter(event, letter, em) {
      if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(NEW_INVOICE)]);
      const recipient = await invoiceRecipientOf(em, event.businessId, event.payload.contactId);
      recordUndeliveredEmails(em, letter, [{ recipient, template: NEW_INVOICE, subject: `Invoice ${event.payload.number}` }]);
    },
  });
  await consume(deps, AUTOMATION_CONSUMER, billing.invoicePaid, (event, em) => requestReceiptEmail(em, settings, event), {
    async onDeadLetter(event, letter, em) {
      if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(RECEIPT)]);
      const recipient = await invoiceRecipientOf(em, event.businessId, event.payload.contactId);
      recordUndeliveredEmails(em, letter, [{ recipient, template: RECEIPT, subject: `Receipt for invoice ${event.payload.number}` }]);
    },
  });
  await consume(deps, AUTOMATION_CONSUMER, billing.orderPaid, (event, em) => requestOrderReceiptEmail(em, settings, event), {
    async onDeadLetter(event, letter, em) {
      if (!event) return recordUndeliveredEmails(em, letter, [unreadableEvent(ORDER_RECEIPT)]);
      const recipient = await invoiceRecipientOf(em, event.businessId, event.payload.contactId);
      recordUndeliveredEmails(em, letter, [{ recipient, template: ORDER_RECEIPT, subject: `Receipt for ${event.payload.offerName}` }]);
    },
  });
}
