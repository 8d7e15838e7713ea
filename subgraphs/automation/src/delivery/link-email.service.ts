import { randomUUID } from "node:crypto";
import type { identity, PayloadOf } from "@portal/contracts";
import { unseal, type DomainEvent, type EntityManager } from "@portal/kit";
import { brandingOf, platformBranding } from "../branding/email-branding.js";
import { fromHeader } from "../mail/mail-transport.js";
import { renderEmail } from "../mail/render-email.js";
import { REQUESTED_BY_RECIPIENT, type NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";
import { EmailLog, EmailStatus } from "./email-log.entity.js";
import { enqueueEmail, type DeliverySettings } from "./enqueue-email.js";

export type { DeliverySettings };

/**
 * What every one-time-link email event carries (`identity.contact.invited`, `identity.sign_in.requested`,
 * `identity.email_change.requested`); operators' sign-in links have no business.
 */
export type LinkEmailRequest = Pick<PayloadOf<typeof identity.signInRequested>, "recipient" | "business" | "sealedLink" | "expiresAt">;

/**
 * Turns an identity request for a one-time-link email into an email log row and a send job, both
 * in the consumer's transaction: either the email is on its way and logged, or neither happened.
 */
export async function requestLinkEmail(
  em: EntityManager,
  settings: DeliverySettings,
  event: DomainEvent<LinkEmailRequest>,
  key: NotificationTemplateKey,
): Promise<void> {
  const { recipient, business } = event.payload;
  const businessId = business?.id ?? event.businessId;
  const branding = business ? brandingOf(business) : platformBranding(settings.fromAddress);
  const template = await usableTemplateFor(em, businessId, key);
  const contact = { name: recipient.name, firstName: recipient.firstName || recipient.name };
  const expiresInMinutes = Math.max(0, Math.round((Date.parse(event.payload.expiresAt) - Date.now()) / 60_000));
  const log = em.create(EmailLog, {
    id: randomUUID(),
    businessId,
    eventId: event.eventId,
    recipient: recipient.email,
    template: key,
    subject: "",
    status: EmailStatus.QUEUED,
  });
  const close = (status: EmailStatus, reason: string) => Object.assign(log, { status, reason });

  log.subject = renderEmail(key, template, { contact, link: "", expiresInMinutes }, branding).subject;
  if (recipient.dnd && !REQUESTED_BY_RECIPIENT.has(key)) {
    close(EmailStatus.SUPPRESSED, "The contact has Do Not Disturb on");
    return;
  }
  if (expiresInMinutes <= 0) {
    close(EmailStatus.FAILED, "The link expired before the email could be sent");
    return;
  }
  let link: string;
  try {
    link = unseal(settings.portalSecret, event.payload.sealedLink);
  } catch {
    // Retrying cannot fix a link sealed with another secret; say so instead of dropping it.
    close(EmailStatus.FAILED, "The sign-in link could not be opened (sealed with a different PORTAL_SECRET)");
    return;
  }

  const rendered = renderEmail(key, template, { contact, link, expiresInMinutes }, branding);
  await enqueueEmail(em, settings, log, {
    businessId,
    from: fromHeader(branding.name, settings.fromAddress),
    to: recipient.email,
    template: key,
    ...rendered,
  });
}
