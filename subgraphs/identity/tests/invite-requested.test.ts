import { randomUUID } from "node:crypto";
import { identity as events } from "@portal/contracts";
import { deliverEvent, type RunningSubgraphProcess, TEST_SECRET, unseal } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  CONFIRM,
  createContact,
  createTenant,
  eventsEventually,
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

const invitations = (identity: RunningSubgraphProcess, contactId: string) =>
  outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contactId });
const source = () => `workflow_run:${randomUUID()}:0`;

/** What identity answered a workflow's step. */
async function outcomeOf(identity: RunningSubgraphProcess, step: string) {
  const [finished] = await eventsEventually(identity, events.workflowActionFinished.name, { key: "source", value: step });
  return { status: finished!.payload.status, reason: finished!.payload.reason };
}

describe("a workflow asks identity to invite a contact to the portal", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  const request = (contactId: string, extra: { next?: string; source?: string } = {}, eventId = randomUUID()) =>
    deliverEvent(identity.boss, events.inviteRequested, tenant.businessId, { contactId, ...extra }, { eventId });

  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("invites a contact without portal access once per request, the link opening `next` on this business's portal, and answers DONE", async () => {
    const contact = await createContact(identity, tenant);
    const step = source();
    const invoiceId = randomUUID();
    const event = await request(contact.id, { next: `/invoices/${invoiceId}`, source: step });
    expect(await outcomeOf(identity, step)).toEqual({ status: "DONE", reason: null });
    const [invited] = await invitations(identity, contact.id);
    expect(invited!.business_id).toBe(tenant.businessId);
    expect(invited!.payload.recipient.email).toBe(contact.email);
    expect((await gql(identity, tenant.staff, ACCESS, { id: contact.id })).data.contact.access.status).toBe("INVITED");

    await identity.boss.publish(event.type, event as unknown as object); // a redelivery
    await settle();
    expect(await invitations(identity, contact.id)).toHaveLength(1);
    expect(await outboxEvents(identity, events.workflowActionFinished.name, { key: "source", value: step })).toHaveLength(1);

    const link = new URL(unseal(TEST_SECRET, invited!.payload.sealedLink as string));
    expect(`${link.origin}${link.pathname}`).toBe(`http://${tenant.slug}.localhost:4000/auth/confirm`);
    expect(link.searchParams.get("next")).toBe(`/invoices/${invoiceId}`);
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    const signedIn = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(signedIn.data.confirmSignIn.viewer.contact.access.status).toBe("ACTIVE");
  });

  it("skips invited, active and revoked contacts with the reason, and invites without an answer when no workflow asked", async () => {
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

    const expected = [
      [invited, "Already invited to the portal"],
      [active, "Already has portal access"],
      [revoked, "Portal access was revoked; only staff can give it back"],
    ] as const;
    for (const [contact, reason] of expected) {
      const step = source();
      await request(contact.id, { source: step });
      expect(await outcomeOf(identity, step)).toEqual({ status: "SKIPPED", reason });
      expect(await invitations(identity, contact.id)).toHaveLength(1);
    }
    expect((await gql(identity, tenant.staff, ACCESS, { id: revoked.id })).data.contact.access.status).toBe("REVOKED");

    const unasked = await createContact(identity, tenant);
    await request(unasked.id, { next: "//evil.example" });
    const [invitation] = await eventsEventually(identity, "identity.contact.invited", { key: "contactId", value: unasked.id });
    expect(new URL(unseal(TEST_SECRET, invitation!.payload.sealedLink as string)).searchParams.get("next")).toBeNull();
  });

  it("fails for another business's contact, who is left alone", async () => {
    const other = await createTenant(identity, "other");
    const stranger = await createContact(identity, other);
    const step = source();
    await request(stranger.id, { source: step });
    expect(await outcomeOf(identity, step)).toEqual({ status: "FAILED", reason: "No such contact in this business" });
    expect(await invitations(identity, stranger.id)).toHaveLength(0);
    expect((await gql(identity, other.staff, ACCESS, { id: stranger.id })).data.contact.access.status).toBe("NONE");
  });
});
