import { randomUUID } from "node:crypto";
import type { billing, PayloadOf } from "@portal/contracts";
import { KnownBusiness, KnownContact, type DomainEvent, type EntityManager } from "@portal/kit";
import { brandingOf } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { enqueueEmail, type DeliverySettings } from "../delivery/enqueue-email.js";
import { fromHeader, type EmailAttachment } from "../mail/mail-transport.js";
import { renderEmail, type TemplateValues } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";
import { formatDate, formatMoney, formatPaymentMethod } from "./format.js";
import { receiptFileName, type ReceiptPdfProvider } from "./receipt-pdf.js";

type InvoiceSent = PayloadOf<typeof billing.invoiceSent>;
type InvoicePaid = PayloadOf<typeof billing.invoicePaid>;

export interface InvoiceEmailSettings extends DeliverySettings {
  receiptPdf: ReceiptPdfProvider;
}

/**
 * Thrown when the contact or business this event needs hasn't reached this subgraph yet: identity
 * and billing publish independently, so the event is retried later rather than dropped.
 */
export class NotYetKnownError extends Error {}

/** Whom an invoice email is for, as far as this subgraph knows: the contact's address, else their id. */
export async function invoiceRecipientOf(em: EntityManager, businessId: string | null, contactId: string): Promise<string> {
  const contact = businessId ? await em.findOne(KnownContact, { businessId, contactId }) : null;
  return contact?.email ?? `Contact ${contactId}`;
}

/** `billing.invoice.sent` → the NEW_INVOICE email, with a button to the invoice in the portal. */
export async function requestNewInvoiceEmail(
  em: EntityManager,
  settings: InvoiceEmailSettings,
  event: DomainEvent<InvoiceSent>,
): Promise<void> {
  const invoice = event.payload;
  await sendInvoiceEmail(em, settings, event, NotificationTemplateKey.NEW_INVOICE, invoice.portalPath, () => ({
    invoice: {
      number: String(invoice.number),
      amountDue: formatMoney(invoice.amountDue, invoice.currency),
      total: formatMoney(invoice.total, invoice.currency),
      dueDate: formatDate(invoice.dueDate),
    },
  }));
}

/** `billing.invoice.paid` → the RECEIPT email, with the receipt PDF when one is available. */
export async function requestReceiptEmail(
  em: EntityManager,
  settings: InvoiceEmailSettings,
  event: DomainEvent<InvoicePaid>,
): Promise<void> {
  const paid = event.payload;
  const values = () => ({
    invoice: { number: String(paid.number) },
    payment: {
      amount: formatMoney(paid.amountPaid, paid.currency),
      date: formatDate(paid.paidAt),
      method: formatPaymentMethod(paid.method),
    },
  });
  await sendInvoiceEmail(
    em,
    settings,
    event,
    NotificationTemplateKey.RECEIPT,
    paid.portalPath ?? `/invoices/${paid.invoiceId}`,
    values,
    async (businessId) => {
      if (paid.receiptPdf)
        return {
          name: paid.receiptPdf.name || receiptFileName(paid.number),
          contentType: "application/pdf",
          contentBase64: paid.receiptPdf.contentBase64,
        };
      return settings.receiptPdf({ businessId, invoiceId: paid.invoiceId, number: paid.number });
    },
  );
}

async function sendInvoiceEmail(
  em: EntityManager,
  settings: InvoiceEmailSettings,
  event: DomainEvent<{ contactId: string }>,
  key: NotificationTemplateKey,
  portalPath: string,
  invoiceValues: () => Pick<TemplateValues, "invoice" | "payment">,
  attachment?: (businessId: string) => Promise<EmailAttachment | null>,
): Promise<void> {
  const businessId = event.businessId;
  if (!businessId) throw new Error(`${event.type} ${event.eventId} names no business`);
  const [contact, business] = await Promise.all([
    em.findOne(KnownContact, { businessId, contactId: event.payload.contactId }),
    em.findOne(KnownBusiness, { businessId }),
  ]);
  if (!contact) throw new NotYetKnownError(`Contact ${event.payload.contactId} is not known here yet; retrying ${event.type} later`);
  if (!business) throw new NotYetKnownError(`Business ${businessId} is not known here yet; retrying ${event.type} later`);

  const branding = brandingOf(business);
  const template = await usableTemplateFor(em, businessId, key);
  const link = new URL(portalPath, branding.portalUrl.replace(/\/?$/, "/")).toString();
  const values: TemplateValues = {
    contact: { name: contact.name, firstName: contact.firstName || contact.name },
    link,
    ...invoiceValues(),
  };
  const rendered = renderEmail(key, template, values, branding);
  const log = em.create(EmailLog, {
    id: randomUUID(),
    businessId,
    eventId: event.eventId,
    recipient: contact.email,
    template: key,
    subject: rendered.subject,
    status: EmailStatus.QUEUED,
  });
  if (contact.dnd) {
    Object.assign(log, { status: EmailStatus.SUPPRESSED, reason: "The contact has Do Not Disturb on" });
    return;
  }
  const file = attachment ? await attachment(businessId) : null;
  await enqueueEmail(em, settings, log, {
    businessId,
    from: fromHeader(branding.name, settings.fromAddress),
    to: contact.email,
    template: key,
    ...rendered,
    ...(file ? { attachments: [file] } : {}),
  });
}
