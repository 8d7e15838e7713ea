import { consumeEvents, type EntityManager, type SubgraphDeps } from "@portal/kit";
import { Business } from "../business/business.entity.js";
import { sendInvitation } from "../contacts/access.service.js";
import { Contact } from "../contacts/contact.entity.js";

/** The part of billing's `billing.invoice.sent` payload this workflow reads (docs/architecture.md). */
interface InvoiceSent {
  invoiceId: string;
  contactId: string;
  /** Staff's "invite to the portal" choice; absent means yes (the option is on by default). */
  inviteToPortal?: boolean;
}

/** The part of documents' `documents.document.sent` payload this workflow reads (docs/architecture.md). */
interface DocumentSent {
  documentId: string;
  /** Every contact recipient of the document (signers, approvers and copies). */
  contactIds: string[];
  /** Staff's "invite to the portal" choice; absent means yes (the option is on by default). */
  inviteToPortal?: boolean;
}

export interface InviteToPortalSettings {
  portalSecret: string;
  /**
   * Origin for the invitation link of a business without its own host name. Events carry no
   * request, so there is no caller origin to reuse; defaults to `http://<slug>.localhost:4000`
   * (the gateway's development address, which resolves the business by slug).
   */
  fallbackOrigin?: (slug: string) => string;
}

const devOrigin = (slug: string) => `http://${slug}.localhost:4000`;

/**
 * "Something was sent to a client → invite them to the portal to act on it" (pay an invoice, sign a
 * contract): a contact who has never had portal access gets the same invitation staff would send.
 * Invited and active contacts need none, and revoked access is never given back without a person
 * deciding to. Contacts of other businesses are not found (tenant-scoped `em`).
 */
export async function inviteContactsToPortal(em: EntityManager, settings: InviteToPortalSettings, businessId: string, contactIds: readonly string[]): Promise<void> {
  const ids = [...new Set(contactIds)];
  if (!ids.length) return;
  const contacts = await em.find(Contact, { id: { $in: ids }, businessId, accessStatus: "none" }, { orderBy: { id: "asc" } });
  if (!contacts.length) return;
  const business = await em.findOneOrFail(Business, { id: businessId });
  const origin = business.hostNames.length ? `https://${business.hostNames[0]}` : (settings.fallbackOrigin ?? devOrigin)(business.slug);
  for (const contact of contacts) await sendInvitation(em, { secret: settings.portalSecret, origin }, businessId, contact.id);
}

/**
 * Subscribes one event type whose payload says which contacts to invite. Each event is handled once
 * (kit `consumeEvents`); `inviteToPortal: false` means staff chose not to invite.
 */
async function inviteOn<P extends { inviteToPortal?: boolean }>(deps: SubgraphDeps, settings: InviteToPortalSettings, type: string, contactsOf: (payload: P) => string[]) {
  await consumeEvents<P>(deps.boss, deps.orm, "identity", "identity", type, async (event, em) => {
    if (!event.businessId || event.payload.inviteToPortal === false) return;
    await inviteContactsToPortal(em, settings, event.businessId, contactsOf(event.payload));
  });
}

/** "Invoice sent → invite the client to pay online" and "contract sent → invite the client to sign". */
export async function consumeSendsForInvitations(deps: SubgraphDeps, settings: InviteToPortalSettings): Promise<void> {
  await inviteOn<InvoiceSent>(deps, settings, "billing.invoice.sent", (invoice) => [invoice.contactId]);
  await inviteOn<DocumentSent>(deps, settings, "documents.document.sent", (document) => document.contactIds ?? []);
}
