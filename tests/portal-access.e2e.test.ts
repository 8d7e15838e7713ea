import { createIdentitySubgraph } from "@portal/identity";
import { makeCaller, runSubgraph, socketParams, TEST_SECRET, testRuntime } from "@portal/kit";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { confirm, createBusiness, createContact, invite, linkFromMailbox, signedInContact, tokenOf } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

const databaseUrl = () => inject("databaseUrl" as never) as string;

const DASHBOARD = `query Dashboard {
  viewer { kind contact { id name email access { status lastLoginAt } } }
  portal { business { name slug branding { displayName primaryColor accentColor } } }
}`;

describe("portal access through the gateway", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(databaseUrl());
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("an invited contact signs in with the emailed link and sees their branded dashboard", async () => {
    const business = await createBusiness(platform, "Juniper Studio");
    const contactId = await createContact(business.staff, { name: "Ava Client", email: `ava@${business.slug}.test` });
    const since = Date.now() - 1000;
    await invite(business.staff, contactId);

    const contact = platform.client(business.host);
    const link = await linkFromMailbox(business.staff, `ava@${business.slug}.test`, since);
    // The business's configured portal address (development template), not the address the staff
    // member's request came in on (this gateway's port).
    expect(new URL(link).origin).toBe(`http://${business.host}:4000`);
    const anonymous = await contact.data(DASHBOARD);
    expect(anonymous.viewer.kind).toBe("ANONYMOUS");

    const confirmed = await confirm(contact, tokenOf(link));
    expect(confirmed.confirmSignIn.__typename).toBe("SignInSuccess");
    expect(contact.cookies.has("portal_session")).toBe(true);

    const dashboard = await contact.data(DASHBOARD);
    expect(dashboard.viewer.kind).toBe("CONTACT");
    expect(dashboard.viewer.contact).toMatchObject({ id: contactId, name: "Ava Client", access: { status: "ACTIVE" } });
    expect(dashboard.viewer.contact.access.lastLoginAt).toBeTruthy();
    expect(dashboard.portal.business).toMatchObject({ name: "Juniper Studio", slug: business.slug });

    // The same link cannot be used twice.
    const again = await confirm(platform.client(business.host), tokenOf(link));
    expect(again.confirmSignIn.__typename).not.toBe("SignInSuccess");
  });

  it("removing access signs the contact out at once and closes their live connection", async () => {
    const business = await createBusiness(platform);
    const { id: contactId, client: contact } = await signedInContact(platform, business, "Ben Client");
    expect((await contact.data(DASHBOARD)).viewer.kind).toBe("CONTACT");

    const socket = contact.subscriptions();
    const closed = new Promise<number>((resolve) => socket.on("closed", (event) => resolve((event as { code: number }).code)));
    await new Promise<void>((resolve) => socket.on("connected", () => resolve()));

    const revoked = await business.staff.data(`mutation ($id: ID!) { revokeAccess(contactId: $id) { __typename } }`, { id: contactId });
    expect(revoked.revokeAccess.__typename).toBe("RevokeAccessSuccess");

    expect(await closed).toBe(4403);
    expect((await contact.data(DASHBOARD)).viewer.kind).toBe("ANONYMOUS");
    const status = await business.staff.data(`query ($id: ID!) { contact(id: $id) { access { status } } }`, { id: contactId });
    expect(status.contact.access.status).toBe("REVOKED");
    await socket.dispose();
  });

  it("staff see access changes live, delivered by another identity instance through PostgreSQL", async () => {
    const business = await createBusiness(platform);
    const second = await runSubgraph(
      createIdentitySubgraph({
        portalSecret: TEST_SECRET,
        operatorEmails: [],
        signInLimits: { perEmail: 50, perIp: 1000, windowSeconds: 900 },
        sessionTtlDays: 30,
        production: false,
      }),
      testRuntime(databaseUrl()),
    );
    try {
      const staffViewer = await business.staff.data(`{ viewer { staff { id } } }`);
      const caller = makeCaller({ businessId: business.id, actor: { kind: "staff", id: staffViewer.viewer.staff.id, role: "owner" } });
      const direct = createClient({
        url: second.url.replace("http", "ws"),
        webSocketImpl: WebSocket,
        connectionParams: socketParams(caller),
        retryAttempts: 0,
      });
      const changes: string[] = [];
      const done = new Promise<void>((resolve, reject) => {
        direct.subscribe<{ contactAccessChanged: { change: string; contact: { email: string; access: { status: string } } } }>(
          { query: `subscription { contactAccessChanged { change contact { email access { status } } } }` },
          {
            next: (value) => {
              const event = value.data!.contactAccessChanged;
              changes.push(`${event.change}:${event.contact.access.status}`);
              if (event.change === "REVOKED") resolve();
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const email = `cy@${business.slug}.test`;
      const contactId = await createContact(business.staff, { name: "Cy Client", email });
      const since = Date.now() - 1000;
      await invite(business.staff, contactId);
      await confirm(platform.client(business.host), tokenOf(await linkFromMailbox(business.staff, email, since)));
      await business.staff.data(`mutation ($id: ID!) { revokeAccess(contactId: $id) { __typename } }`, { id: contactId });
      await done;
      expect(changes).toContain("INVITED:INVITED");
      expect(changes).toContain("ACTIVATED:ACTIVE");
      expect(changes[changes.length - 1]).toBe("REVOKED:REVOKED");
      await direct.dispose();
    } finally {
      await second.stop();
    }
  });

  it("a business never sees another business's contacts, even by id", async () => {
    const first = await createBusiness(platform, "First");
    const second = await createBusiness(platform, "Second");
    const contactId = await createContact(first.staff, { name: "Private Person", email: `p@${first.slug}.test` });
    const peek = await second.staff.graphql(`query ($id: ID!) { contact(id: $id) { id name } }`, { id: contactId });
    expect(peek.data?.contact ?? null).toBeNull();
    const list = await second.staff.data(`{ contacts(first: 50) { edges { node { id } } } }`);
    expect(list.contacts.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(contactId);
    const entities = await second.staff.graphql(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Contact { id name } } }`, {
      r: [{ __typename: "Contact", id: contactId }],
    });
    expect(JSON.stringify(entities.data ?? {})).not.toContain("Private Person");
  });
});
