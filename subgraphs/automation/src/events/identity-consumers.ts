import { consumeEvents, type SubgraphDeps } from "@portal/kit";
import { recordBusinessSnapshot } from "../branding/business-profile.service.js";
import { recordContactSnapshot } from "../contacts/contact-profile.service.js";
import { requestLinkEmail, type DeliverySettings } from "../delivery/link-email.service.js";
import { NotificationTemplateKey } from "../templates/template-key.js";
import { IDENTITY_EVENTS, type BusinessUpdated, type ContactChanged, type LinkEmailRequested } from "./identity-events.js";

const CONSUMER = "automation";
const SCHEMA = "automation";

const LINK_EMAILS: [string, NotificationTemplateKey][] = [
  [IDENTITY_EVENTS.contactInvited, NotificationTemplateKey.INVITATION],
  [IDENTITY_EVENTS.signInRequested, NotificationTemplateKey.SIGN_IN],
  [IDENTITY_EVENTS.emailChangeRequested, NotificationTemplateKey.EMAIL_CHANGE],
];

/** Subscribes to the identity events this subgraph acts on; each is handled once (kit consumeEvents). */
export async function consumeIdentityEvents(deps: SubgraphDeps, delivery: DeliverySettings): Promise<void> {
  const { boss, orm } = deps;
  await consumeEvents<BusinessUpdated>(boss, orm, SCHEMA, CONSUMER, IDENTITY_EVENTS.businessUpdated, (event, em) =>
    recordBusinessSnapshot(em, event.payload.business, event.occurredAt),
  );
  await consumeEvents<ContactChanged>(boss, orm, SCHEMA, CONSUMER, IDENTITY_EVENTS.contactChanged, async (event, em) => {
    if (event.businessId) await recordContactSnapshot(em, event.businessId, event.payload.contact, event.occurredAt);
  });
  for (const [eventType, key] of LINK_EMAILS) {
    await consumeEvents<LinkEmailRequested>(boss, orm, SCHEMA, CONSUMER, eventType, (event, em) => requestLinkEmail(em, delivery, event, key));
  }
}
