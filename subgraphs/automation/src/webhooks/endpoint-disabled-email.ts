import { randomUUID } from "node:crypto";
import { type EntityManager, KnownBusiness, KnownStaff } from "@portal/kit";
import { brandingOf } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { type DeliverySettings, enqueueEmail } from "../delivery/enqueue-email.js";
import { fromHeader } from "../mail/mail-transport.js";
import { renderEmail } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";
import type { WebhookEndpoint } from "./webhook.entity.js";

const KEY = NotificationTemplateKey.WEBHOOK_ENDPOINT_DISABLED;

/**
 * Tells every owner of the business that the endpoint was disabled, button to the admin console's
 * webhooks page. Staff have no Do Not Disturb: this is about their own integration. Queued on the
 * caller's transaction, like every email.
 */
export async function emailEndpointDisabled(em: EntityManager, settings: DeliverySettings, endpoint: WebhookEndpoint): Promise<number> {
  const business = await em.findOne(KnownBusiness, { businessId: endpoint.businessId });
  if (!business) return 0; // identity's snapshot has not arrived: nobody to address yet
  const owners = await em.find(KnownStaff, { businessId: endpoint.businessId, role: "OWNER", removed: false });
  const branding = brandingOf(business);
  const template = await usableTemplateFor(em, endpoint.businessId, KEY);
  const link = `${branding.portalUrl.replace(/\/$/, "")}/admin/webhooks`;
  for (const owner of owners) {
    const rendered = renderEmail(
      KEY,
      template,
      {
        contact: { name: owner.name, firstName: owner.name.split(/\s+/)[0] || owner.name },
        link,
        webhook: { url: endpoint.url, reason: endpoint.disabledReason ?? "" },
      },
      branding,
    );
    const log = em.create(EmailLog, {
      id: randomUUID(),
      businessId: endpoint.businessId,
      eventId: null,
      recipient: owner.email,
      template: KEY,
      subject: rendered.subject,
      status: EmailStatus.QUEUED,
    });
    await enqueueEmail(em, settings, log, {
      businessId: endpoint.businessId,
      from: fromHeader(branding.name, settings.fromAddress),
      to: owner.email,
      template: KEY,
      ...rendered,
    });
  }
  return owners.length;
}
