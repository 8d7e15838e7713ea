import { randomUUID } from "node:crypto";
import type { billing, PayloadOf } from "@portal/contracts";
import { type DomainEvent, type EntityManager, KnownBusiness, KnownContact } from "@portal/kit";
import { brandingOf } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { type DeliverySettings, enqueueEmail } from "../delivery/enqueue-email.js";
import { formatDate, formatMoney } from "../invoices/format.js";
import { NotYetKnownError } from "../invoices/invoice-email.service.js";
import { fromHeader } from "../mail/mail-transport.js";
import { renderEmail } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";
import type { OrderReceiptPdfProvider } from "./order-receipt-pdf.js";

type OrderPaid = PayloadOf<typeof billing.orderPaid>;

export interface OrderEmailSettings extends DeliverySettings {
  orderReceiptPdf: OrderReceiptPdfProvider;
}

/**
 * `billing.order.paid` → the ORDER_RECEIPT email to the buyer, with the order's receipt PDF and a
 * button to the order in the portal. Like invoice emails: a contact or business not known here yet
 * retries the event later; a DND contact's email is logged SUPPRESSED.
 */
export async function requestOrderReceiptEmail(
  em: EntityManager,
  settings: OrderEmailSettings,
  event: DomainEvent<OrderPaid>,
): Promise<void> {
  const businessId = event.businessId;
  if (!businessId) throw new Error(`${event.type} ${event.eventId} names no business`);
  const order = event.payload;
  const [contact, business] = await Promise.all([
    em.findOne(KnownContact, { businessId, contactId: order.contactId }),
    em.findOne(KnownBusiness, { businessId }),
  ]);
  if (!contact) throw new NotYetKnownError(`Contact ${order.contactId} is not known here yet; retrying ${event.type} later`);
  if (!business) throw new NotYetKnownError(`Business ${businessId} is not known here yet; retrying ${event.type} later`);

  const key = NotificationTemplateKey.ORDER_RECEIPT;
  const branding = brandingOf(business);
  const template = await usableTemplateFor(em, businessId, key);
  const link = new URL(order.portalPath, branding.portalUrl.replace(/\/?$/, "/")).toString();
  const rendered = renderEmail(
    key,
    template,
    {
      contact: { name: contact.name, firstName: contact.firstName || contact.name },
      link,
      order: { offerName: order.offerName },
      payment: { amount: formatMoney(order.amountPaid, order.currency), date: formatDate(order.paidAt), method: "" },
    },
    branding,
  );
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
  const receipt = await settings.orderReceiptPdf({ businessId, orderId: order.orderId });
  await enqueueEmail(em, settings, log, {
    businessId,
    from: fromHeader(branding.name, settings.fromAddress),
    to: contact.email,
    template: key,
    ...rendered,
    ...(receipt ? { attachments: [receipt] } : {}),
  });
}
