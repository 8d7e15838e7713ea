import { UniqueConstraintViolationException } from "@mikro-orm/postgresql";
import { identity } from "@portal/contracts";
import { publish, ValidationError, type Caller, type EntityManager } from "@portal/kit";
import { consumeLink, issueLink, type LinkSettings } from "../auth/one-time-links.js";
import { Business } from "../business/business.entity.js";
import { Contact } from "../contacts/contact.entity.js";
import { recordContactChanged } from "../contacts/contact-events.js";
import { emailTaken } from "../contacts/contact.service.js";
import { EmailTakenError } from "../contacts/contact.errors.js";
import { announceContactAccess } from "../shared/live-topics.js";
import { businessSnapshot, recipientOf } from "../shared/snapshots.js";
import { checkEmail, checkPhone, checkRequiredText, firstError } from "../shared/validation.js";

/** A contact edits their own name and phone; the email changes only through a confirmed link. */
export async function updateProfile(
  em: EntityManager,
  contactId: string,
  input: { name: string; phone?: string | null },
): Promise<Contact | ValidationError> {
  const invalid = firstError(checkRequiredText("name", "Name", input.name), checkPhone("phone", input.phone));
  if (invalid) return invalid;
  return em.transactional(async (tx) => {
    const contact = await tx.findOneOrFail(Contact, { id: contactId });
    contact.name = input.name.trim();
    contact.phone = input.phone?.trim() || null;
    recordContactChanged(tx, contact);
    await announceContactAccess(tx, contact.businessId, contact.id, "UPDATED");
    return contact;
  });
}

/** Sends a confirmation link to the new address; nothing changes until it is confirmed. */
export async function requestEmailChange(
  em: EntityManager,
  links: LinkSettings,
  contactId: string,
  newEmail: string,
): Promise<string | ValidationError | EmailTakenError> {
  const invalid = checkEmail("newEmail", newEmail);
  if (invalid) return invalid;
  const email = newEmail.trim();
  if (await emailTaken(em, email, contactId)) return EmailTakenError.of("newEmail");
  await em.transactional(async (tx) => {
    const contact = await tx.findOneOrFail(Contact, { id: contactId });
    const business = await tx.findOneOrFail(Business, { id: contact.businessId });
    const link = issueLink(tx, links, business, { purpose: "email_change", audience: "client", contactId, newEmail: email });
    publish(tx, identity.emailChangeRequested, contact.businessId, {
      contactId,
      recipient: recipientOf(contact, email),
      business: businessSnapshot(business, links.urls),
      sealedLink: link.sealedLink,
      expiresAt: link.expiresAt.toISOString(),
    });
  });
  return email;
}

/**
 * Applies a confirmed email change. Holding the token proves access to the new mailbox, so it works
 * signed in or not, but only on the contact's own portal, and only if the address is still free.
 */
export async function confirmEmailChange(em: EntityManager, caller: Caller, token: string): Promise<Contact | EmailTakenError | null> {
  try {
    return await em.transactional(async (tx) => {
      const link = await consumeLink(tx, token, ["email_change"], (candidate) => candidate.businessId === caller.businessId);
      if (!link?.contactId || !link.newEmail) return null;
      const contact = await tx.findOne(Contact, { id: link.contactId });
      if (!contact) return null;
      if (await emailTaken(tx, link.newEmail, contact.id))
        return EmailTakenError.of("token", "Another contact now uses this email address");
      contact.email = link.newEmail;
      recordContactChanged(tx, contact);
      await tx.flush();
      await announceContactAccess(tx, contact.businessId, contact.id, "UPDATED");
      return contact;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      return EmailTakenError.of("token", "Another contact now uses this email address");
    throw error;
  }
}
