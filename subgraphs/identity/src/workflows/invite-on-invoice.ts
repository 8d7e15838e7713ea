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

export interface InviteOnInvoiceSettings {
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
 * "Invoice sent → invite the client to pay online": a contact who has never had portal access
 * gets the same invitation staff would send. Invited and active contacts need none, and revoked
 * access is never given back without a person deciding to. Each event is handled once.
 */
export async function inviteOnInvoiceSent(em: EntityManager, settings: InviteOnInvoiceSettings, businessId: string, invoice: InvoiceSent): Promise<void> {
  if (invoice.inviteToPortal === false) return;
  const contact = await em.findOne(Contact, { id: invoice.contactId, businessId });
  if (!contact || contact.accessStatus !== "none") return;
  const business = await em.findOneOrFail(Business, { id: businessId });
  const origin = business.hostNames.length ? `https://${business.hostNames[0]}` : (settings.fallbackOrigin ?? devOrigin)(business.slug);
  await sendInvitation(em, { secret: settings.portalSecret, origin }, businessId, contact.id);
}

export async function consumeInvoiceSentForInvitations(deps: SubgraphDeps, settings: InviteOnInvoiceSettings): Promise<void> {
  await consumeEvents<InvoiceSent>(deps.boss, deps.orm, "identity", "identity", "billing.invoice.sent", async (event, em) => {
    if (event.businessId) await inviteOnInvoiceSent(em, settings, event.businessId, event.payload);
  });
}
