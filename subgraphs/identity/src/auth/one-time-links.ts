import { randomToken, seal, sha256, type EntityManager } from "@portal/kit";
import { linkOriginOf, type PortalAddressed, type PortalUrls } from "../shared/portal-urls.js";
import { SignInToken, type Audience, type TokenPurpose } from "./sign-in-token.entity.js";

/** Sign-in, invitation and email-change links all expire this soon after they are sent. */
export const LINK_TTL_MINUTES = 15;

/**
 * Web app pages that show a confirm button (portal, admin console, operator console); only their
 * POST (a mutation) consumes the token, so mail scanners prefetching the link do not burn it.
 */
function confirmPath(purpose: TokenPurpose, audience: Audience): string {
  if (purpose === "email_change") return "/profile/confirm-email";
  return { client: "/auth/confirm", staff: "/admin/auth/confirm", operator: "/operator/auth/confirm" }[audience];
}

/** How links are sealed (the process's PORTAL_SECRET) and where they point (configuration, never the request). */
export interface LinkSettings {
  secret: string;
  urls: PortalUrls;
}

export interface LinkSubject {
  purpose: TokenPurpose;
  audience: Audience;
  contactId?: string;
  staffId?: string;
  operatorId?: string;
  newEmail?: string;
  /**
   * Where the confirm page sends the person after they sign in (a same-site path checked by
   * `isSafeNextPath`), e.g. the invoice an invitation is about. Rides in the link, not the database:
   * it is not a secret, and the web app checks it again before following it.
   */
  next?: string | null;
}

export interface IssuedLink {
  sealedLink: string;
  expiresAt: Date;
}

/**
 * Creates a one-time link in the current unit of work. 256 random bits; only the hash is stored and
 * the URL leaves this function sealed, so neither the database nor the job queue holds a usable link.
 * It points at the business's portal, or at the platform when there is no business (operators).
 */
export function issueLink(
  em: EntityManager,
  links: LinkSettings,
  business: (PortalAddressed & { id: string }) | null,
  subject: LinkSubject,
): IssuedLink {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + LINK_TTL_MINUTES * 60_000);
  em.persist(
    Object.assign(new SignInToken(), {
      tokenHash: sha256(token),
      purpose: subject.purpose,
      audience: subject.audience,
      businessId: business?.id ?? null,
      contactId: subject.contactId ?? null,
      staffId: subject.staffId ?? null,
      operatorId: subject.operatorId ?? null,
      newEmail: subject.newEmail ?? null,
      expiresAt,
    }),
  );
  const url = new URL(`${linkOriginOf(business, links.urls)}${confirmPath(subject.purpose, subject.audience)}`);
  url.searchParams.set("token", token);
  if (subject.next) url.searchParams.set("next", subject.next);
  return { sealedLink: seal(links.secret, url.toString()), expiresAt };
}

/**
 * Consumes a link: unknown, expired, used, wrong-purpose or not `accept`ed tokens all yield null
 * (a refused link stays usable where it belongs). Marking it used is
 * a conditional update, so two concurrent confirmations cannot both succeed.
 */
export async function consumeLink(
  em: EntityManager,
  token: string,
  purposes: TokenPurpose[],
  accept: (link: SignInToken) => boolean = () => true,
): Promise<SignInToken | null> {
  if (!token || token.length > 200) return null;
  // Cross-tenant on purpose: the token is the credential that tells us whose link this is (operator
  // links have no business at all); callers then check it against the request's business.
  const record = await em.findOne(SignInToken, { tokenHash: sha256(token) }, { filters: { tenant: false } });
  if (!record || record.usedAt || record.expiresAt.getTime() <= Date.now() || !purposes.includes(record.purpose) || !accept(record))
    return null;
  const usedAt = new Date();
  const claimed = await em.nativeUpdate(SignInToken, { id: record.id, usedAt: null }, { usedAt }, { filters: { tenant: false } });
  if (claimed !== 1) return null;
  record.usedAt = usedAt;
  return record;
}
