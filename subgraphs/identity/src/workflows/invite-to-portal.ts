import { affiliates, appointments, billing, communities, courses, documents, type EventContract, type PayloadOf } from "@portal/contracts";
import { consume, type ConsumerOf, type EntityManager, type SubgraphDeps } from "@portal/kit";
import type { LinkSettings } from "../auth/one-time-links.js";
import { sendInvitation } from "../contacts/access.service.js";
import { Contact } from "../contacts/contact.entity.js";
import { isSafeNextPath } from "../shared/next-path.js";

/** Identity's consumer of other subgraphs' events: its processed markers live in identity's schema. */
export const IDENTITY_CONSUMER: ConsumerOf = { schema: "identity", name: "identity" };

export interface InviteToPortalSettings {
  /** Read per event: invitations point at the business's configured portal, as staff's do. */
  links: () => LinkSettings;
}

/**
 * "Something was sent to a client → invite them to the portal to act on it" (pay an invoice, sign a
 * contract): a contact who has never had portal access gets the same invitation staff would send,
 * whose link opens what was sent (`next`) once they have signed in. Invited and active contacts need
 * none, and revoked access is never given back without a person deciding to. Contacts of other
 * businesses are not found (tenant-scoped `em`).
 */
export async function inviteContactsToPortal(
  em: EntityManager,
  settings: InviteToPortalSettings,
  businessId: string,
  contactIds: readonly string[],
  next: string | null = null,
): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (!ids.length) return;
  const contacts = await em.find(Contact, { id: { $in: ids }, businessId, accessStatus: "none" }, { orderBy: { id: "asc" } });
  if (!contacts.length) return;
  const target = next && isSafeNextPath(next) ? next : null;
  for (const contact of contacts) await sendInvitation(em, settings.links(), businessId, contact.id, target);
}

/** What one event asks for: whom to invite, and which portal page their invitation opens. */
interface InvitationRequest {
  contactIds: string[];
  next: string;
}

/**
 * Subscribes to one sent-to-a-client event; `requestOf` says whom it asks to invite, or null when
 * staff chose not to (`inviteToPortal: false`). Each event is handled once (kit `consume`).
 */
async function inviteOn<C extends EventContract>(
  deps: SubgraphDeps,
  settings: InviteToPortalSettings,
  contract: C,
  requestOf: (payload: PayloadOf<C>) => InvitationRequest | null,
) {
  await consume(deps, IDENTITY_CONSUMER, contract, async (event, em) => {
    const request = requestOf(event.payload);
    if (!event.businessId || !request) return;
    await inviteContactsToPortal(em, settings, event.businessId, request.contactIds, request.next);
  });
}

/**
 * "Invoice sent → invite the client to pay online", "contract sent → invite the client to sign",
 * "added to a community group → invite the client to join in", "enrolled in a course → invite the
 * client to learn", "appointment booked → invite the client to manage it" and "made an affiliate →
 * invite them to share their links", each invitation opening that invoice, document, group, course,
 * appointment or the Affiliates page (the portal's own pages for them).
 */
export async function consumeSendsForInvitations(deps: SubgraphDeps, settings: InviteToPortalSettings): Promise<void> {
  await inviteOn(deps, settings, billing.invoiceSent, (invoice) =>
    invoice.inviteToPortal === false
      ? null
      : { contactIds: [invoice.contactId], next: `/invoices/${encodeURIComponent(invoice.invoiceId)}` },
  );
  await inviteOn(deps, settings, documents.documentSent, (document) =>
    document.inviteToPortal === false
      ? null
      : { contactIds: document.contactIds, next: `/documents/${encodeURIComponent(document.documentId)}` },
  );
  await inviteOn(deps, settings, communities.memberAdded, (member) =>
    member.inviteToPortal === false ? null : { contactIds: [member.contactId], next: `/communities/${encodeURIComponent(member.groupId)}` },
  );
  await inviteOn(deps, settings, courses.accessGranted, (granted) =>
    granted.inviteToPortal === false ? null : { contactIds: [granted.contactId], next: `/courses/${encodeURIComponent(granted.courseId)}` },
  );
  await inviteOn(deps, settings, appointments.bookingConfirmed, (booking) =>
    booking.inviteToPortal === false
      ? null
      : { contactIds: [booking.contactId], next: `/appointments/${encodeURIComponent(booking.bookingId)}` },
  );
  await inviteOn(deps, settings, affiliates.affiliateJoined, (joined) =>
    joined.inviteToPortal === false ? null : { contactIds: [joined.contactId], next: "/affiliates" },
  );
}
