import { identity } from "@portal/contracts";
import { NotFoundError, publish, type EntityManager } from "@portal/kit";
import { issueLink, type LinkSettings } from "../auth/one-time-links.js";
import { endSessionsOf } from "../auth/session.service.js";
import { Session } from "../auth/session.entity.js";
import { SignInToken } from "../auth/sign-in-token.entity.js";
import { Business } from "../business/business.entity.js";
import { announceContactAccess, announceRevoked } from "../shared/live-topics.js";
import { businessSnapshot, recipientOf } from "../shared/snapshots.js";
import { recordContactChanged } from "./contact-events.js";
import { Contact } from "./contact.entity.js";

/**
 * Invite, resend, or grant again after removal: a fresh single-use link every time. Staying active
 * when already active keeps a resend from taking access away. `next` (a checked same-site path) is
 * the page the link opens after signing in, e.g. the invoice the invitation is about.
 */
export async function sendInvitation(
  em: EntityManager,
  links: LinkSettings,
  businessId: string,
  contactId: string,
  next: string | null = null,
): Promise<Contact | NotFoundError> {
  return em.transactional(async (tx) => {
    const contact = await tx.findOne(Contact, { id: contactId });
    if (!contact) return NotFoundError.of("No such contact");
    const business = await tx.findOneOrFail(Business, { id: businessId });
    if (contact.accessStatus !== "active") contact.accessStatus = "invited";
    contact.invitedAt = new Date();
    contact.revokedAt = null;
    const link = issueLink(tx, links, business, { purpose: "invitation", audience: "client", contactId, next });
    publish(tx, identity.contactInvited, businessId, {
      contactId,
      recipient: recipientOf(contact),
      business: businessSnapshot(business, links.urls),
      sealedLink: link.sealedLink,
      expiresAt: link.expiresAt.toISOString(),
    });
    recordContactChanged(tx, contact);
    await announceContactAccess(tx, businessId, contactId, "INVITED");
    return contact;
  });
}

/**
 * Removes access: sessions end and pending links die in the same transaction, and the gateway is
 * told to close the contact's sockets. The contact's data stays.
 */
export async function revokeAccess(em: EntityManager, businessId: string, contactId: string): Promise<Contact | NotFoundError> {
  return em.transactional(async (tx) => {
    const contact = await tx.findOne(Contact, { id: contactId });
    if (!contact) return NotFoundError.of("No such contact");
    contact.accessStatus = "revoked";
    contact.revokedAt = new Date();
    const sessionIds = await endSessionsOf(tx, "contact", contactId);
    await tx.nativeUpdate(SignInToken, { contactId, usedAt: null }, { usedAt: new Date() });
    publish(tx, identity.contactAccessRevoked, businessId, { contactId });
    recordContactChanged(tx, contact);
    await announceRevoked(tx, businessId, { sessionIds });
    await announceContactAccess(tx, businessId, contactId, "REVOKED");
    return contact;
  });
}

/** Staff end one of a contact's sessions in their business. */
export async function endContactSession(em: EntityManager, businessId: string, sessionId: string): Promise<Session | NotFoundError> {
  return em.transactional(async (tx) => {
    const session = await tx.findOne(Session, { id: sessionId, actorKind: "contact" });
    if (!session) return NotFoundError.of("No such session");
    if (!session.endedAt) {
      session.endedAt = new Date();
      await announceRevoked(tx, businessId, { sessionIds: [session.id] });
    }
    return session;
  });
}
