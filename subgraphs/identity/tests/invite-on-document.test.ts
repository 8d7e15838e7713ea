import { randomUUID } from "node:crypto";
import { documents, type PayloadInputOf } from "@portal/contracts";
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

/** Publishes documents' event the way its outbox relay does. */
async function documentSent(
  identity: RunningSubgraphProcess,
  tenant: Tenant,
  contactIds: string[],
  extra: Partial<PayloadInputOf<typeof documents.documentSent>> = {},
  eventId = randomUUID(),
) {
  const documentId = randomUUID();
  const payload = { documentId, title: "Service agreement", contactIds, reference: `document:${documentId}`, ...extra };
  return deliverEvent(identity.boss, documents.documentSent, tenant.businessId, payload, { eventId });
}

const invitations = (identity: RunningSubgraphProcess, contactId: string) =>
  outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contactId });

describe("contract sent → invite the client to sign", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("invites every recipient without portal access, once per event, with a link to this business's portal", async () => {
    const first = await createContact(identity, tenant);
    const second = await createContact(identity, tenant);
    const event = await documentSent(identity, tenant, [first.id, second.id]); // no inviteToPortal flag: on by default
    for (const contact of [first, second]) {
      const [invited] = await eventually(async () => {
        const found = await invitations(identity, contact.id);
        return found.length > 0 && found;
      }, "the invitation");
      expect(invited!.business_id).toBe(tenant.businessId);
      expect(invited!.payload.recipient.email).toBe(contact.email);
      // The link opens the document once the contact has signed in.
      const link = new URL(unseal(TEST_SECRET, invited!.payload.sealedLink as string));
      expect(`${link.origin}${link.pathname}`).toBe(`http://${tenant.slug}.localhost:4000/auth/confirm`);
      expect(link.searchParams.get("next")).toBe(`/documents/${event.payload.documentId}`);
      const { data } = await gql(identity, tenant.staff, ACCESS, { id: contact.id });
      expect(data.contact.access.status).toBe("INVITED");
    }

    await identity.boss.publish(event.type, event as unknown as object); // a redelivery
    await settle();
    expect(await invitations(identity, first.id)).toHaveLength(1);
    expect(await invitations(identity, second.id)).toHaveLength(1);

    // The link works: it signs the contact in to their business, ready to sign.
    const token = await latestToken(identity, "identity.contact.invited", "contactId", first.id);
    const signedIn = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(signedIn.data.confirmSignIn.viewer.contact.access.status).toBe("ACTIVE");
  });

  it("leaves invited, active and revoked recipients alone, and honours inviteToPortal: false", async () => {
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
    const fresh = await createContact(identity, tenant);
    const declined = await createContact(identity, tenant);

    await documentSent(identity, tenant, [invited.id, active.id, revoked.id, fresh.id], { inviteToPortal: true });
    await documentSent(identity, tenant, [declined.id], { inviteToPortal: false });
    await eventually(async () => (await invitations(identity, fresh.id)).length > 0, "the new recipient's invitation");
    await settle();

    expect(await invitations(identity, invited.id)).toHaveLength(1);
    expect(await invitations(identity, active.id)).toHaveLength(1);
    expect(await invitations(identity, revoked.id)).toHaveLength(1);
    expect(await invitations(identity, declined.id)).toHaveLength(0);
    const { data } = await gql(identity, tenant.staff, ACCESS, { id: revoked.id });
    expect(data.contact.access.status).toBe("REVOKED");
    expect((await gql(identity, tenant.staff, ACCESS, { id: declined.id })).data.contact.access.status).toBe("NONE");
  });

  it("ignores a recipient who is another business's contact, and still invites the rest", async () => {
    const other = await createTenant(identity, "other");
    const stranger = await createContact(identity, other);
    const own = await createContact(identity, tenant);
    await documentSent(identity, tenant, [stranger.id, own.id]);
    await eventually(async () => (await invitations(identity, own.id)).length > 0, "the own contact's invitation");
    await settle();
    expect(await invitations(identity, stranger.id)).toHaveLength(0);
    expect((await gql(identity, other.staff, ACCESS, { id: stranger.id })).data.contact.access.status).toBe("NONE");
  });
});
