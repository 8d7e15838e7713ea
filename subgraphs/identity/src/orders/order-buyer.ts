import { billing, identity, type PayloadOf } from "@portal/contracts";
import { consume, type EntityManager, publish, type SubgraphDeps, ValidationError } from "@portal/kit";
import { Contact } from "../contacts/contact.entity.js";
import { createContact } from "../contacts/contact.service.js";
import { contactSnapshot } from "../contacts/contact-events.js";
import { IDENTITY_CONSUMER } from "../workflows/invite-to-portal.js";

type PaymentReceived = PayloadOf<typeof billing.orderPaymentReceived>;

/** The business's contact with this email, in any letter case (emails are unique per business that way). */
export function findContactByEmail(em: EntityManager, email: string): Promise<Contact | null> {
  return em.findOne(Contact, { email: { $ilike: email.trim().replace(/[\\%_]/g, (char) => `\\${char}`) } });
}

/**
 * The buyer as a contact: the existing one with their email, else a new one created exactly as staff's
 * "create contact" does (with the order's referral code, so `identity.contact.referred` goes out with it).
 * A contact created meanwhile by someone else (the unique email index) is found on the second look.
 */
async function buyerContact(
  em: EntityManager,
  businessId: string,
  order: PaymentReceived,
): Promise<{ contact: Contact; created: boolean }> {
  const existing = await findContactByEmail(em, order.buyer.email);
  if (existing) return { contact: existing, created: false };
  const fields = { name: order.buyer.name, email: order.buyer.email, referralCode: order.referralCode };
  let created = await createContact(em, businessId, fields);
  // A code identity would refuse from staff must not lose the buyer their contact: created without it.
  if (created instanceof ValidationError && created.field === "referralCode")
    created = await createContact(em, businessId, { ...fields, referralCode: null });
  if (created instanceof Contact) return { contact: created, created: true };
  const raced = await findContactByEmail(em, order.buyer.email);
  if (raced) return { contact: raced, created: false };
  throw new Error(`Could not create the buyer of order ${order.orderId}: ${created.message}`);
}

/**
 * `billing.order.payment_received` → `identity.order_buyer.resolved`. Handled once per event (kit
 * `consume`), and a repeat for the same buyer finds the contact the first one created: never a second.
 */
export async function consumeOrderPayments(deps: SubgraphDeps): Promise<void> {
  await consume(deps, IDENTITY_CONSUMER, billing.orderPaymentReceived, async (event, em) => {
    if (!event.businessId) return;
    const { contact, created } = await buyerContact(em, event.businessId, event.payload);
    publish(em, identity.orderBuyerResolved, event.businessId, {
      orderId: event.payload.orderId,
      contactId: contact.id,
      created,
      // Access before this order: a new contact has none yet (the "order paid" workflow invites them).
      accessStatus: contactSnapshot(contact).accessStatus,
    });
  });
}
