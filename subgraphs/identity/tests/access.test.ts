import { socketParams, TEST_SECRET, type LiveMessage, type RunningSubgraphProcess } from "@portal/kit";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  authenticate,
  CONFIRM,
  contactIn,
  createContact,
  createTenant,
  gql,
  invite,
  latestToken,
  outboxEvents,
  REQUEST,
  signInContact,
  signInJobsDone,
  startIdentity,
} from "./helpers.js";

const REVOKE = `mutation($id: ID!) { revokeAccess(contactId: $id) { __typename ... on RevokeAccessSuccess { contact { access { status revokedAt } } } ... on UserError { message } } }`;
const SESSIONS = `query($id: ID!) { contact(id: $id) { sessions { id ip userAgent current createdAt lastSeenAt expiresAt } } }`;

function nextMessage(identity: RunningSubgraphProcess, topic: string): Promise<LiveMessage<any>> {
  const iterator = identity.live.subscribe<any>((message) => message.topic === topic);
  return iterator.next().then((result) => {
    void iterator.return?.();
    return result.value as LiveMessage<any>;
  });
}

describe("portal access", () => {
  let identity: RunningSubgraphProcess;
  let second: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
    second = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
    await second?.stop();
  });

  it("invites with a branded event carrying the recipient's DND flag", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant, { name: "Quinn Quiet", dnd: true });
    const result = await invite(identity, tenant, contact.id);
    expect(result).toMatchObject({
      __typename: "InvitationSuccess",
      contact: { access: { status: "INVITED", invitedAt: expect.any(String) } },
    });
    const [event] = await outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contact.id });
    expect(event!.payload).toMatchObject({
      recipient: { email: contact.email, name: "Quinn Quiet", firstName: "Quinn", dnd: true },
      business: { id: tenant.businessId, slug: tenant.slug, primaryColor: expect.stringMatching(/^#/) },
      expiresAt: expect.any(String),
    });
  });

  it("ends sessions at once when access is removed, announces it, refuses new sign-ins, and can grant again", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    const { sessionToken } = await signInContact(identity, tenant, contact.id);
    const host = `${tenant.slug}.localhost`;
    const before = await authenticate(identity, { host, sessionToken });
    expect(before.actor).toMatchObject({ kind: "contact", id: contact.id });

    const staffView = await gql(identity, tenant.staff, SESSIONS, { id: contact.id });
    expect(staffView.data.contact.sessions).toEqual([
      expect.objectContaining({ id: before.actor.sessionId, ip: expect.any(String), current: false }),
    ]);

    const revoked = nextMessage(identity, "auth.revoked");
    const { data } = await gql(identity, tenant.staff, REVOKE, { id: contact.id });
    expect(data.revokeAccess.contact.access).toMatchObject({ status: "REVOKED", revokedAt: expect.any(String) });
    expect((await revoked).data).toEqual({ sessionIds: [before.actor.sessionId], apiKeyIds: [] });
    expect(await authenticate(identity, { host, sessionToken })).toMatchObject({ actor: { kind: "anonymous" }, sessionValid: false });
    expect(await outboxEvents(identity, "identity.contact.access_revoked", { key: "contactId", value: contact.id })).toHaveLength(1);

    // A stale authentication still naming the contact gets nothing personal.
    const stale = await gql(
      identity,
      contactIn(tenant.businessId, contact.id, before.actor.sessionId),
      `{ viewer { kind contact { id } } }`,
    );
    expect(stale.data.viewer).toEqual({ kind: "ANONYMOUS", contact: null });

    await gql(identity, anonymousIn(tenant.businessId), REQUEST, { email: contact.email });
    await signInJobsDone(identity, contact.email, 1);
    expect(await outboxEvents(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id })).toHaveLength(0);

    const again = await invite(identity, tenant, contact.id);
    expect(again.contact.access.status).toBe("INVITED");
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    const signedIn = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(signedIn.data.confirmSignIn.viewer.contact.access.status).toBe("ACTIVE");
  });

  it("burns links sent before access was removed", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    await gql(identity, tenant.staff, REVOKE, { id: contact.id });
    const { data } = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(data.confirmSignIn.__typename).toBe("InvalidSignInLinkError");
  });

  it("lets staff end one session", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    const { sessionToken } = await signInContact(identity, tenant, contact.id);
    const host = `${tenant.slug}.localhost`;
    const { actor } = await authenticate(identity, { host, sessionToken });
    const revoked = nextMessage(identity, "auth.revoked");
    const { data } = await gql(
      identity,
      tenant.staff,
      `mutation($id: ID!) { endSession(sessionId: $id) { __typename ... on EndSessionSuccess { session { id } } } }`,
      { id: actor.sessionId },
    );
    expect(data.endSession).toEqual({ __typename: "EndSessionSuccess", session: { id: actor.sessionId } });
    expect((await revoked).data.sessionIds).toEqual([actor.sessionId]);
    expect((await authenticate(identity, { host, sessionToken })).sessionValid).toBe(false);
    expect((await gql(identity, tenant.staff, SESSIONS, { id: contact.id })).data.contact.sessions).toEqual([]);
  });

  it("streams access changes of the caller's business to staff, from another instance", async () => {
    const tenant = await createTenant(identity);
    const other = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    const otherContact = await createContact(identity, other);
    const client = createClient({
      url: second.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: socketParams(tenant.staff),
    });
    const received: any[] = [];
    let heardFirst!: () => void;
    const first = new Promise<void>((resolve) => (heardFirst = resolve));
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: `subscription { contactAccessChanged { change contact { id access { status } } } }` },
        {
          next: (value) => {
            received.push(value.data?.contactAccessChanged);
            if (received.length === 1) heardFirst();
            if (received.length === 2) resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await invite(identity, other, otherContact.id);
    await invite(identity, tenant, contact.id);
    // Each message carries ids and is answered with the contact as it is then: revoking before the
    // invitation was answered would show the invitation with the revoked status.
    await first;
    await gql(identity, tenant.staff, REVOKE, { id: contact.id });
    await done;
    expect(received).toEqual([
      { change: "INVITED", contact: { id: contact.id, access: { status: "INVITED" } } },
      { change: "REVOKED", contact: { id: contact.id, access: { status: "REVOKED" } } },
    ]);
    await client.dispose();
  });

  it("refuses the access subscription to contacts", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    const client = createClient({
      url: identity.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: socketParams(contactIn(tenant.businessId, contact.id)),
    });
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: `subscription { contactAccessChanged { change } }` },
        { next: resolve, error: resolve, complete: () => resolve("complete") },
      );
    });
    expect(JSON.stringify(outcome)).toContain("FORBIDDEN");
    await client.dispose();
  });
});
