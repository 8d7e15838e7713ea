import { identity } from "@portal/contracts";
import { publish, RateLimitedError, sql, ValidationError, type Caller, type EntityManager } from "@portal/kit";
import type PgBoss from "pg-boss";
import { Business } from "../business/business.entity.js";
import { recordContactChanged } from "../contacts/contact-events.js";
import { Contact } from "../contacts/contact.entity.js";
import { announceContactAccess, announceRevoked } from "../shared/live-topics.js";
import { businessSnapshot, recipientOf, type Recipient } from "../shared/snapshots.js";
import { checkNextPath, isSafeNextPath } from "../shared/next-path.js";
import { checkEmail } from "../shared/validation.js";
import { Operator } from "../staff/operator.entity.js";
import { Staff } from "../staff/staff.entity.js";
import { consumeLink, issueLink, type LinkSettings } from "./one-time-links.js";
import { enqueueSignInLink, type SignInLinkRequest } from "./sign-in-link.queue.js";
import { startSession, type StartedSession } from "./session.service.js";
import type { SignInRateLimiter } from "./sign-in-rate-limit.js";
import type { Audience } from "./sign-in-token.entity.js";

export const SIGN_IN_REQUESTED_MESSAGE = "If this email can sign in here, a sign-in link is on its way. It works once, for 15 minutes.";

export interface SignInSettings {
  sessionTtlDays: number;
}

/** What a sign-in request needs: the shared counters and the job queue that issues links. */
export interface SignInRequests {
  limiter: SignInRateLimiter;
  boss: PgBoss;
}

/** Case-insensitive exact match, without letting `%`/`_` in an address act as wildcards. */
export function sameEmail(email: string) {
  return { $ilike: email.trim().replace(/[\\%_]/g, (char) => `\\${char}`) };
}

/**
 * Asks for a sign-in link. The answer is the same whether or not the address belongs to anyone, and
 * so is the work: the request never looks the person up, it only counts the attempt and queues a
 * job (`issueRequestedSignInLink` does the rest), so neither the answer nor its timing tells who is
 * a client. Past the per-email ceiling the job may be skipped; that depends on requests, not people.
 * An optional `next` (the page the person was trying to open) must be a same-site path; it travels
 * with the job into the link.
 */
export async function requestSignIn(
  requests: SignInRequests,
  caller: Caller,
  input: { email: string; audience: Audience; next?: string | null },
): Promise<"sent" | ValidationError | RateLimitedError> {
  const invalid = checkEmail("email", input.email);
  if (invalid) return invalid;
  const target = checkNextPath("next", input.next);
  if (target instanceof ValidationError) return target;
  const email = input.email.trim().toLowerCase();
  // Operators belong to the platform, whichever business's host they asked on.
  const businessId = input.audience === "operator" ? null : caller.businessId;
  const admission = await requests.limiter.admit(businessId, email, caller.ip);
  if ("retryAfterSeconds" in admission) {
    const minutes = Math.ceil(admission.retryAfterSeconds / 60);
    return RateLimitedError.of(admission.retryAfterSeconds, `Too many sign-in requests. Please try again in ${minutes} minute(s).`);
  }
  if (admission.deliver) await enqueueSignInLink(requests.boss, { businessId, audience: input.audience, email, next: target.next });
  return "sent";
}

/**
 * The queued half of a sign-in request: when the email belongs to someone who may sign in here, a
 * link and its `identity.sign_in.requested` event are recorded in the caller's transaction. The
 * job's `next` was checked when it was queued; it is checked again since the queue is only data.
 */
export async function issueRequestedSignInLink(em: EntityManager, links: LinkSettings, request: SignInLinkRequest): Promise<void> {
  const next = request.next && isSafeNextPath(request.next) ? request.next : null;
  if (request.audience === "operator") {
    const operator = await em.findOne(Operator, { email: sameEmail(request.email) });
    if (operator) recordSignInLink(em, links, null, "operator", { operatorId: operator.id }, recipientOf(operator), next);
    return;
  }
  const business = request.businessId ? await em.findOne(Business, { id: request.businessId }) : null;
  if (!business) return;
  if (request.audience === "client") {
    const contact = await em.findOne(Contact, { email: sameEmail(request.email), accessStatus: { $in: ["invited", "active"] } });
    if (contact) recordSignInLink(em, links, business, "client", { contactId: contact.id }, recipientOf(contact), next);
  } else {
    const staff = await em.findOne(Staff, { email: sameEmail(request.email) });
    if (staff) recordSignInLink(em, links, business, "staff", { staffId: staff.id }, recipientOf(staff), next);
  }
}

/** Whose link it is: exactly one of these, matching the audience. */
export type SignInSubject = { contactId: string } | { staffId: string } | { operatorId: string };

/**
 * Issues a one-time sign-in link for one person and records `identity.sign_in.requested` for it, in
 * the caller's transaction. Also used when an owner adds a team member, so the welcome mail is the
 * same sign-in link staff ask for themselves. Operators' links have no business. `next` is the page
 * the link opens after signing in (a checked same-site path), if any.
 */
export function recordSignInLink(
  em: EntityManager,
  links: LinkSettings,
  business: Business | null,
  audience: Audience,
  subject: SignInSubject,
  recipient: Recipient,
  next: string | null = null,
): void {
  const issued = issueLink(em, links, business, { purpose: "sign_in", audience, ...subject, next });
  publish(em, identity.signInRequested, business?.id ?? null, {
    audience,
    business: business ? businessSnapshot(business, links.urls) : null,
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
    const link = await consumeLink(
      tx,
      token,
      ["sign_in", "invitation"],
      (candidate) => candidate.audience === "operator" || candidate.businessId === caller.businessId,
    );
    if (!link) return null;
    if (link.audience === "client" && link.contactId) {
      const contact = await tx.findOne(Contact, { id: link.contactId });
      if (!contact || (contact.accessStatus !== "invited" && contact.accessStatus !== "active")) return null;
      await recordContactSignIn(tx, contact);
      return {
        actor: { kind: "contact", id: contact.id },
        ...startSession(tx, caller, { kind: "contact", id: contact.id, businessId: contact.businessId }, settings.sessionTtlDays),
      };
    }
    if (link.audience === "staff" && link.staffId) {
      const staff = await tx.findOne(Staff, { id: link.staffId });
      if (!staff) return null;
      return {
        actor: { kind: "staff", id: staff.id },
        ...startSession(tx, caller, { kind: "staff", id: staff.id, businessId: staff.businessId }, settings.sessionTtlDays),
      };
    }
    if (link.audience === "operator" && link.operatorId) {
      const operator = await tx.findOne(Operator, { id: link.operatorId });
      if (!operator) return null;
      return {
        actor: { kind: "operator", id: operator.id },
        ...startSession(tx, caller, { kind: "operator", id: operator.id, businessId: null }, settings.sessionTtlDays),
      };
    }
    return null;
  });
}

/** First sign-in turns an invitation into active access; every sign-in records lastLoginAt. */
export async function recordContactSignIn(em: EntityManager, contact: Contact): Promise<void> {
  contact.lastLoginAt = new Date();
  if (contact.accessStatus === "invited") {
    contact.accessStatus = "active";
    publish(em, identity.contactActivated, contact.businessId, { contactId: contact.id });
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
    const ended = await sql<{ id: string }>(
      tx,
      `update "identity"."session" set ended_at = now() where id = ? and actor_id = ? and ended_at is null returning id`,
      [sessionId, caller.actor.id],
    );
    await announceRevoked(tx, caller.businessId, { sessionIds: ended.map((row) => row.id) });
  });
}
