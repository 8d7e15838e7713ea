import { randomUUID } from "node:crypto";
import { billing } from "@portal/contracts";
import { deliverEvent, forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createContact,
  createTenant,
  eventsEventually,
  outboxEvents,
  settle,
  signInContact,
  startIdentity,
  type Tenant,
  unique,
} from "./helpers.js";

describe("a paid order's buyer as a contact", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  const paymentReceived = (
    tenant: Tenant,
    buyer: { email: string; name: string },
    referralCode: string | null = null,
    eventId?: string,
  ) => {
    const orderId = randomUUID();
    return deliverEvent(
      identity.boss,
      billing.orderPaymentReceived,
      tenant.businessId,
      { orderId, offerId: randomUUID(), buyer, referralCode },
      eventId ? { eventId } : {},
    ).then(() => orderId);
  };
  const resolved = (orderId: string) => eventsEventually(identity, "identity.order_buyer.resolved", { key: "orderId", value: orderId });
  const contactsWith = (businessId: string, email: string) =>
    sql<{ id: string; name: string; email: string }>(
      forkFor(identity.orm, null),
      `select id, name, email from identity.contact where business_id = ? and lower(email) = lower(?)`,
      [businessId, email],
    );

  it("a new buyer becomes a contact with their name, and the order's referral code goes to affiliates with the creation", async () => {
    const tenant = await createTenant(identity);
    const email = `${unique("grace")}@example.test`;
    const orderId = await paymentReceived(tenant, { email, name: "Grace Hopper" }, "spring-launch");
    const [event] = await resolved(orderId);
    const [contact, ...more] = await contactsWith(tenant.businessId, email);
    expect(more).toEqual([]);
    expect(contact).toMatchObject({ name: "Grace Hopper", email });
    expect(event).toMatchObject({
      business_id: tenant.businessId,
      payload: { orderId, contactId: contact!.id, created: true, accessStatus: "NONE" },
    });
    const referrals = await outboxEvents(identity, "identity.contact.referred", { key: "contactId", value: contact!.id });
    expect(referrals.map((row) => row.payload)).toEqual([
      { contactId: contact!.id, referralCode: "spring-launch", occurredAt: expect.any(String) },
    ]);
  });

  it("an existing contact is found by email in any letter case and keeps their access; no referral for them", async () => {
    const tenant = await createTenant(identity);
    const existing = await createContact(identity, tenant, { name: "Ada Lovelace", email: `${unique("ada")}@example.test` });
    await signInContact(identity, tenant, existing.id);
    const orderId = await paymentReceived(tenant, { email: existing.email.toUpperCase(), name: "A. Lovelace" }, "spring-launch");
    const [event] = await resolved(orderId);
    expect(event!.payload).toEqual({ orderId, contactId: existing.id, created: false, accessStatus: "ACTIVE" });
    const contacts = await contactsWith(tenant.businessId, existing.email);
    expect(contacts).toEqual([expect.objectContaining({ id: existing.id, name: "Ada Lovelace" })]); // the name is not overwritten
    expect(await outboxEvents(identity, "identity.contact.referred", { key: "contactId", value: existing.id })).toEqual([]);
  });

  it("a redelivered event, or a second order by the same buyer, never creates a second contact", async () => {
    const tenant = await createTenant(identity);
    const email = `${unique("kim")}@example.test`;
    const eventId = randomUUID();
    const first = await paymentReceived(tenant, { email, name: "Kim Vega" }, null, eventId);
    await deliverEvent(
      identity.boss,
      billing.orderPaymentReceived,
      tenant.businessId,
      {
        orderId: first,
        offerId: randomUUID(),
        buyer: { email, name: "Kim Vega" },
        referralCode: null,
      },
      { eventId },
    ); // the same event again
    const second = await paymentReceived(tenant, { email: email.toUpperCase(), name: "Kim Vega" });
    const [firstAnswer] = await resolved(first);
    const [secondAnswer] = await resolved(second);
    await settle();
    expect(await outboxEvents(identity, "identity.order_buyer.resolved", { key: "orderId", value: first })).toHaveLength(1);
    const contacts = await contactsWith(tenant.businessId, email);
    expect(contacts).toHaveLength(1);
    expect(firstAnswer!.payload).toMatchObject({ contactId: contacts[0]!.id, created: true });
    expect(secondAnswer!.payload).toMatchObject({ contactId: contacts[0]!.id, created: false, accessStatus: "NONE" });
  });

  it("the same email in another business is another contact: businesses never share buyers", async () => {
    const a = await createTenant(identity);
    const b = await createTenant(identity);
    const email = `${unique("sam")}@example.test`;
    const inA = await createContact(identity, a, { name: "Sam in A", email });
    const orderId = await paymentReceived(b, { email, name: "Sam Reed" });
    const [event] = await resolved(orderId);
    expect(event!.business_id).toBe(b.businessId);
    expect(event!.payload).toMatchObject({ created: true });
    expect(event!.payload.contactId).not.toBe(inA.id);
    expect(await contactsWith(a.businessId, email)).toEqual([expect.objectContaining({ id: inA.id, name: "Sam in A" })]);
  });

  it("a referral code identity would refuse from staff still gives the buyer their contact, without a referral", async () => {
    const tenant = await createTenant(identity);
    const email = `${unique("lee")}@example.test`;
    // Billing only forwards well-formed codes; one that slips through must not lose the buyer their access.
    const orderId = randomUUID();
    const row = { orderId, offerId: randomUUID(), buyer: { email, name: "Lee Park" }, referralCode: "has space" };
    await deliverEvent(identity.boss, billing.orderPaymentReceived, tenant.businessId, row);
    const [event] = await resolved(orderId);
    expect(event!.payload).toMatchObject({ created: true });
    expect(await outboxEvents(identity, "identity.contact.referred", { key: "contactId", value: event!.payload.contactId })).toEqual([]);
  });
});
