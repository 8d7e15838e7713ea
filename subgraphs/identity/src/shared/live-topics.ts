import { announce, type EntityManager } from "@portal/kit";

/** Live topics identity announces (see docs/architecture.md); called inside the change's transaction. */
export const CONTACT_ACCESS_TOPIC = "identity.contact_access";
export const AUTH_REVOKED_TOPIC = "auth.revoked";
export const PORTAL_SETTINGS_TOPIC = "identity.portal_settings";

export type ContactAccessChange = "INVITED" | "ACTIVATED" | "SIGNED_IN" | "REVOKED" | "UPDATED";

export interface ContactAccessMessage {
  contactId: string;
  change: ContactAccessChange;
}

export async function announceContactAccess(
  em: EntityManager,
  businessId: string,
  contactId: string,
  change: ContactAccessChange,
): Promise<void> {
  await announce(em, { topic: CONTACT_ACCESS_TOPIC, businessId, data: { contactId, change } });
}

/** The business's portal settings (welcome message, sections) changed; listeners read them afresh. */
export async function announcePortalSettings(em: EntityManager, businessId: string): Promise<void> {
  await announce(em, { topic: PORTAL_SETTINGS_TOPIC, businessId, data: {} });
}

/** Tells the gateway to forget cached authentications and close sockets of these credentials. */
export async function announceRevoked(
  em: EntityManager,
  businessId: string | null,
  revoked: { sessionIds?: string[]; apiKeyIds?: string[] },
): Promise<void> {
  const data = { sessionIds: revoked.sessionIds ?? [], apiKeyIds: revoked.apiKeyIds ?? [] };
  if (data.sessionIds.length || data.apiKeyIds.length) await announce(em, { topic: AUTH_REVOKED_TOPIC, businessId, data });
}
