import { randomUUID } from "node:crypto";
import type { communities, PayloadOf } from "@portal/contracts";
import { type DomainEvent, type EntityManager, KnownBusiness } from "@portal/kit";
import { brandingOf } from "../branding/email-branding.js";
import { EmailLog, EmailStatus } from "../delivery/email-log.entity.js";
import { finishEmail } from "../delivery/email-outcome.js";
import { type DeliverySettings, enqueueEmail } from "../delivery/enqueue-email.js";
import { NotYetKnownError } from "../invoices/invoice-email.service.js";
import { fromHeader } from "../mail/mail-transport.js";
import { renderEmail } from "../mail/render-email.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { usableTemplateFor } from "../templates/template.service.js";

type NotificationRequested = PayloadOf<typeof communities.notificationRequested>;

export const COMMUNITY_TEMPLATE_OF: Record<NotificationRequested["kind"], NotificationTemplateKey> = {
  REPLY: NotificationTemplateKey.COMMUNITY_REPLY,
  MENTION: NotificationTemplateKey.COMMUNITY_MENTION,
  ACTIVITY: NotificationTemplateKey.COMMUNITY_ACTIVITY,
};

/**
 * `communities.notification.requested` → COMMUNITY_REPLY, COMMUNITY_MENTION or COMMUNITY_ACTIVITY
 * to the member, button to the post. Communities already applied the member's preference for the
 * group; DND is applied here as for every notification (logged SUPPRESSED). The business's branding
 * must have arrived, else the event is retried.
 */
export async function requestCommunityEmail(
  em: EntityManager,
  settings: DeliverySettings,
  event: DomainEvent<NotificationRequested>,
): Promise<void> {
  const businessId = event.businessId;
  if (!businessId) throw new Error(`${event.type} ${event.eventId} names no business`);
  const business = await em.findOne(KnownBusiness, { businessId });
  if (!business) throw new NotYetKnownError(`Business ${businessId} is not known here yet; retrying ${event.type} later`);
  const branding = brandingOf(business);
  const notification = event.payload;
  const key = COMMUNITY_TEMPLATE_OF[notification.kind];
  const template = await usableTemplateFor(em, businessId, key);
  const { name, firstName } = notification.recipient;
  const rendered = renderEmail(
    key,
    template,
    {
      contact: { name, firstName: firstName || name },
      link: notification.link,
      group: { name: notification.groupName },
      post: { title: notification.postTitle ?? "" },
      author: { name: notification.actorName },
      excerpt: notification.excerpt,
    },
    branding,
  );
  const log = em.create(EmailLog, {
    id: randomUUID(),
    businessId,
    eventId: event.eventId,
    reference: notification.reference,
    recipient: notification.recipient.email,
    template: key,
    subject: rendered.subject,
    status: EmailStatus.QUEUED,
  });
  if (notification.recipient.dnd) {
    finishEmail(em, log, EmailStatus.SUPPRESSED, { reason: "The contact has Do Not Disturb on" });
    return;
  }
  await enqueueEmail(em, settings, log, {
    businessId,
    from: fromHeader(branding.name, settings.fromAddress),
    to: notification.recipient.email,
    template: key,
    ...rendered,
  });
}
