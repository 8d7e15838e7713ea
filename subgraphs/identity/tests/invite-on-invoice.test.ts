import { randomUUID } from "node:crypto";
import { billing, type PayloadInputOf } from "@portal/contracts";
import { deliverEvent, TEST_SECRET, unseal, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  CONFIRM,
  createContact,
  createTenant,
  eventually,
  gql,
  invite,
  latestToken,
  outboxEvents,
  settle,
  startIdentity,
  type Tenant,
} from "./helpers.js";

const REVOKE = `mutation($id: ID!) { revokeAccess(contactId: $id) { __typename } }`;
const ACCESS = `query($id: ID!) { contact(id: $id) { access { status } } }`;

/** Publishes billing's event the way its outbox relay does. */
async function invoiceSent(
  identity: RunningSubgraphProcess,
  tenant: Tenant,
  contactId: string,
  extra: Partial<PayloadInputOf<typeof billing.invoiceSent>> = {},
  eventId = randomUUID(),
) {
  const invoiceId = randomUUID();
  const payload = {
    invoiceId,
    contactId,
    number: 1,
    currency: "USD",
    total: 1000,
    amountDue: 1000,
    dueDate: "2026-04-01",
    portalPath: `/invoices/${invoiceId}`,
    ...extra,
  };
  return deliverEvent(identity.boss, billing.invoiceSent, tenant.businessId, payload, { eventId });
}

const invitations = (identity: RunningSubgraphProcess, contactId: string) =>
  outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contactId });

describe("invoice sent → invite the client to pay online", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("invites a contact without portal access, once per event, with a link to this business's portal", async () => {
    const contact = await createContact(identity, tenant);
    const event = await invoiceSent(identity, tenant, contact.id); // no inviteToPortal flag: on by default
    const [invited] = await eventually(async () => {
      const found = await invitations(identity, contact.id);
      return found.length > 0 && found;
    }, "the invitation");
    expect(invited!.business_id).toBe(tenant.businessId);
    expect(invited!.payload.recipient.email).toBe(contact.email);
    const { data } = await gql(identity, tenant.staff, ACCESS, { id: contact.id });
    expect(data.contact.access.status).toBe("INVITED");

    await identity.boss.publish(event.type, event as unknown as object); // a redelivery
    await settle();
    expect(await invitations(identity, contact.id)).toHaveLength(1);

    // The link opens the invoice once the contact has signed in…
    const link = new URL(unseal(TEST_SECRET, invited!.payload.sealedLink as string));
    expect(`${link.origin}${link.pathname}`).toBe(`http://${tenant.slug}.localhost:4000/auth/confirm`);
    expect(link.searchParams.get("next")).toBe(`/invoices/${event.payload.invoiceId}`);
    // …and it works: it signs the contact in to their business.
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    const signedIn = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(signedIn.data.confirmSignIn.viewer.contact.access.status).toBe("ACTIVE");
  });

  it("leaves invited, active and revoked contacts alone, and honours inviteToPortal: false", async () => {
    const invited = await createContact(identity, tenant);
    await invite(identity, tenant, invited.id);
    const active = await createContact(identity, tenant);
    await invite(identity, tenant, active.id);
    await gql(identity, anonymousIn(tenant.businessId), CONFIRM, {
      token: await latestToken(identity, "identity.contact.invited", "contactId", active.id),
    });
    const revoked = await createContact(identity, tenant);
    await invite(identity, tenant, revoked.id);
    await gql(identity, tenant.staff, REVOKE, { id: revoked.id });
    const declined = await createContact(identity, tenant);

    for (const contact of [invited, active, revoked]) await invoiceSent(identity, tenant, contact.id, { inviteToPortal: true });
    await invoiceSent(identity, tenant, declined.id, { inviteToPortal: false });
    await settle();

    expect(await invitations(identity, invited.id)).toHaveLength(1);
    expect(await invitations(identity, active.id)).toHaveLength(1);
    expect(await invitations(identity, revoked.id)).toHaveLength(1);
    expect(await invitations(identity, declined.id)).toHaveLength(0);
    const { data } = await gql(identity, tenant.staff, ACCESS, { id: revoked.id });
    expect(data.contact.access.status).toBe("REVOKED");
  });

  it("ignores an event naming another business's contact", async () => {
    const other = await createTenant(identity, "other");
    const stranger = await createContact(identity, other);
    await invoiceSent(identity, tenant, stranger.id);
    await settle();
    expect(await invitations(identity, stranger.id)).toHaveLength(0);
  });
});
