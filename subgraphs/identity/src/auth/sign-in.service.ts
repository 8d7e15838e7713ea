import { RateLimitedError, recordEvent, sql, ValidationError, type Caller, type EntityManager } from "@portal/kit";
import { Business } from "../business/business.entity.js";
import { recordContactChanged } from "../contacts/contact-events.js";
import { Contact } from "../contacts/contact.entity.js";
import { announceContactAccess, announceRevoked } from "../shared/live-topics.js";
import { businessSnapshot, recipientOf, type Recipient } from "../shared/snapshots.js";
import { checkEmail } from "../shared/validation.js";
import { Operator } from "../staff/operator.entity.js";
import { Staff } from "../staff/staff.entity.js";
import { consumeLink, issueLink } from "./one-time-links.js";
import { startSession, type StartedSession } from "./session.service.js";
import type { SignInRateLimiter } from "./sign-in-rate-limit.js";
import type { Audience } from "./sign-in-token.entity.js";

export const SIGN_IN_REQUESTED_MESSAGE = "If this email can sign in here, a sign-in link is on its way. It works once, for 15 minutes.";

export interface SignInSettings {
  secret: string;
  limiter: SignInRateLimiter;
  sessionTtlDays: number;
}

/** Case-insensitive exact match, without letting `%`/`_` in an address act as wildcards. */
export function sameEmail(email: string) {
  return { $ilike: email.trim().replace(/[\\%_]/g, (char) => `\\${char}`) };
}

/**
 * Emails a sign-in link when the address belongs to someone who may sign in here. The answer is the
 * same either way, so the form cannot be used to discover who is a client.
 */
export async function requestSignIn(em: EntityManager, settings: SignInSettings, caller: Caller, input: { email: string; audience: Audience }): Promise<"sent" | ValidationError | RateLimitedError> {
  const invalid = checkEmail("email", input.email);
  if (invalid) return invalid;
  const retryAfter = await settings.limiter.attempt(caller.businessId, input.email, caller.ip);
  if (retryAfter !== null) {
    return RateLimitedError.of(retryAfter, `Too many sign-in requests. Please try again in ${Math.ceil(retryAfter / 60)} minute(s).`);
  }
  await em.transactional(async (tx) => {
    const business = caller.businessId ? await tx.findOne(Business, { id: caller.businessId }) : null;
    const links = { secret: settings.secret, origin: caller.origin };
    if (input.audience === "client" && business) {
      const contact = await tx.findOne(Contact, { email: sameEmail(input.email), accessStatus: { $in: ["invited", "active"] } });
      if (contact) recordSignInLink(tx, links, business, "client", { contactId: contact.id }, recipientOf(contact));
    } else if (input.audience === "staff" && business) {
      const staff = await tx.findOne(Staff, { email: sameEmail(input.email) });
      if (staff) recordSignInLink(tx, links, business, "staff", { staffId: staff.id }, recipientOf(staff));
    } else if (input.audience === "operator") {
      const operator = await tx.findOne(Operator, { email: sameEmail(input.email) });
      if (operator) recordSignInLink(tx, links, business, "operator", { operatorId: operator.id }, recipientOf(operator));
    }
  });
  return "sent";
}

/** Whose link it is: exactly one of these, matching the audience. */
export type SignInSubject = { contactId: string } | { staffId: string } | { operatorId: string };

/**
 * Issues a one-time sign-in link for one person and records `identity.sign_in.requested` for it, in
 * the caller's transaction. Also used when an owner adds a team member, so the welcome mail is the
 * same sign-in link staff ask for themselves.
 */
export function recordSignInLink(
  em: EntityManager,
  links: { secret: string; origin: string },
  business: Business | null,
  audience: Audience,
  subject: SignInSubject,
  recipient: Recipient,
): void {
  const businessId = business?.id ?? null;
  const issued = issueLink(em, links.secret, links.origin, { purpose: "sign_in", audience, businessId, ...subject });
  recordEvent(em, "identity.sign_in.requested", businessId, {
    audience,
    business: business ? businessSnapshot(business, links.origin) : null,
    ...subject,
    recipient,
    sealedLink: issued.sealedLink,
    expiresAt: issued.expiresAt.toISOString(),
  });
}

export interface SignedIn extends StartedSession {
  actor: { kind: "contact" | "staff" | "operator"; id: string };
}

/**
 * The confirm page's POST: consumes the link and starts a session. Client and staff links only work
 * on their own business's portal; a contact whose access was removed meanwhile cannot sign in.
 */
export async function confirmSignIn(em: EntityManager, settings: SignInSettings, caller: Caller, token: string): Promise<SignedIn | null> {
  return em.transactional(async (tx) => {
    const link = await consumeLink(tx, token, ["sign_in", "invitation"], (candidate) => candidate.audience === "operator" || candidate.businessId === caller.businessId);
    if (!link) return null;
    if (link.audience === "client" && link.contactId) {
      const contact = await tx.findOne(Contact, { id: link.contactId });
      if (!contact || (contact.accessStatus !== "invited" && contact.accessStatus !== "active")) return null;
      await recordContactSignIn(tx, contact);
      return { actor: { kind: "contact", id: contact.id }, ...startSession(tx, caller, { kind: "contact", id: contact.id, businessId: contact.businessId }, settings.sessionTtlDays) };
    }
    if (link.audience === "staff" && link.staffId) {
      const staff = await tx.findOne(Staff, { id: link.staffId });
      if (!staff) return null;
      return { actor: { kind: "staff", id: staff.id }, ...startSession(tx, caller, { kind: "staff", id: staff.id, businessId: staff.businessId }, settings.sessionTtlDays) };
    }
    if (link.audience === "operator" && link.operatorId) {
      const operator = await tx.findOne(Operator, { id: link.operatorId });
      if (!operator) return null;
      return { actor: { kind: "operator", id: operator.id }, ...startSession(tx, caller, { kind: "operator", id: operator.id, businessId: null }, settings.sessionTtlDays) };
    }
    return null;
  });
}

/** First sign-in turns an invitation into active access; every sign-in records lastLoginAt. */
export async function recordContactSignIn(em: EntityManager, contact: Contact): Promise<void> {
  contact.lastLoginAt = new Date();
  if (contact.accessStatus === "invited") {
    contact.accessStatus = "active";
    recordEvent(em, "identity.contact.activated", contact.businessId, { contactId: contact.id });
    recordContactChanged(em, contact);
    await announceContactAccess(em, contact.businessId, contact.id, "ACTIVATED");
  } else {
    await announceContactAccess(em, contact.businessId, contact.id, "SIGNED_IN");
  }
}

/** Ends the caller's own session, whichever business it belongs to. */
export async function signOut(em: EntityManager, caller: Caller): Promise<void> {
  const sessionId = caller.actor.sessionId;
  if (!sessionId || !caller.actor.id) return;
  await em.transactional(async (tx) => {
    // Raw SQL because an operator's session has no business, so the tenant filter would hide it; the
    // gateway-signed session id and actor id pin the row to the caller.
    const ended = await sql<{ id: string }>(tx, `update "identity"."session" set ended_at = now() where id = ? and actor_id = ? and ended_at is null returning id`, [sessionId, caller.actor.id]);
    await announceRevoked(tx, caller.businessId, { sessionIds: ended.map((row) => row.id) });
  });
}
