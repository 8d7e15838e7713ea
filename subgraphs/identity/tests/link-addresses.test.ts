import { randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { identity as identityEvents } from "@portal/contracts";
import {
  deliverEvent,
  forkFor,
  requestTarget,
  signCaller,
  sql,
  TEST_SECRET,
  unseal,
  type CallerClaims,
  type RunningSubgraphProcess,
} from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  authenticate,
  contactIn,
  createContact,
  createTenant,
  eventsEventually,
  gql,
  invite,
  operator,
  outboxEvents,
  randomIp,
  signInContact,
  startIdentity,
  unique,
  type OutboxRow,
  type Tenant,
} from "./helpers.js";

/**
 * Every identity in the test database runs with the development addresses (any instance may issue a
 * queued link): `http://{slug}.localhost:4000` and `http://localhost:4000`. Nothing a request carries
 * may change them.
 */
const portalOf = (tenant: Tenant) => `http://${tenant.slug}.localhost:4000`;

const REQUEST_SIGN_IN = `mutation($email: String!, $audience: SignInAudience) { requestSignIn(input: { email: $email, audience: $audience }) { __typename } }`;
const INVITE_STAFF = `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { __typename ... on StaffSuccess { staff { id } } } }`;
const REQUEST_CHANGE = `mutation($email: String!) { requestEmailChange(input: { newEmail: $email }) { __typename } }`;
const HOST_NAMES = `mutation($id: ID!, $hostNames: [String!]!) { updateHostNames(businessId: $id, hostNames: $hostNames) { __typename } }`;

const linkOf = (event: OutboxRow) => new URL(unseal(TEST_SECRET, event.payload.sealedLink as string));

/**
 * Posts a GraphQL request straight to identity with the Host and X-Forwarded-Host an attacker would
 * send, signed like the gateway signs (the caller even claims an origin of its own).
 */
function postWithHosts(
  identity: RunningSubgraphProcess,
  claims: CallerClaims,
  headers: { host: string; forwardedHost: string },
  query: string,
  variables: Record<string, unknown>,
): Promise<any> {
  const body = JSON.stringify({ query, variables });
  const spoofed = { ...claims, origin: `https://${headers.forwardedHost}` } as CallerClaims;
  const url = new URL(identity.url);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          host: headers.host,
          "x-forwarded-host": headers.forwardedHost,
          "x-forwarded-proto": "https",
          ...signCaller(TEST_SECRET, spoofed, { method: "POST", path: requestTarget(url), body }),
        },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () =>
          response.statusCode === 200 ? resolve(JSON.parse(text)) : reject(new Error(`identity answered ${response.statusCode}: ${text}`)),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("links in emails point at the business's configured address", () => {
  let identity: RunningSubgraphProcess;
  const operatorEmail = `${unique("operator")}@platform.test`;
  beforeAll(async () => {
    identity = await startIdentity({ operatorEmails: [operatorEmail] });
  });
  afterAll(async () => {
    await identity?.stop();
  });

  async function invitedContact(tenant: Tenant) {
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    return contact;
  }

  it("ignores the Host and X-Forwarded-Host a sign-in request came with", async () => {
    const tenant = await createTenant(identity);
    const contact = await invitedContact(tenant);
    const hosts = [
      { host: "evil.example", forwardedHost: "evil.example" },
      { host: `${tenant.slug}.localhost:4000`, forwardedHost: "attacker.test" },
      { host: `${tenant.slug}.localhost:4000`, forwardedHost: `${tenant.slug}.localhost.attacker.test:4000` },
    ];
    for (const headers of hosts) {
      const answer = await postWithHosts(identity, anonymousIn(tenant.businessId, randomIp()), headers, REQUEST_SIGN_IN, {
        email: contact.email,
      });
      expect(answer.data.requestSignIn.__typename).toBe("RequestSignInSuccess");
    }
    const events = await eventsEventually(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id }, hosts.length);
    for (const event of events) {
      expect(linkOf(event).origin).toBe(portalOf(tenant));
      expect(linkOf(event).pathname).toBe("/auth/confirm");
      expect(event.payload.business.portalUrl).toBe(portalOf(tenant));
    }
  });

  it("uses the template for a business without a host name, and its first host name once it has one, for every kind of link", async () => {
    const tenant = await createTenant(identity);
    const { sessionToken } = await signInContact(identity, tenant, (await createContact(identity, tenant)).id);
    const { actor } = await authenticate(identity, { host: `${tenant.slug}.localhost`, sessionToken });
    const signedIn = contactIn(tenant.businessId, actor.id!, actor.sessionId);

    /** One link of each kind identity mails, all issued now. */
    const linksNow = async () => {
      const contact = await createContact(identity, tenant);
      await invite(identity, tenant, contact.id);
      await gql(identity, anonymousIn(tenant.businessId), REQUEST_SIGN_IN, { email: contact.email });
      const staffEmail = `${unique("staff")}@team.test`;
      const staff = (await gql(identity, tenant.staff, INVITE_STAFF, { input: { name: "Terry Team", email: staffEmail, role: "STAFF" } }))
        .data.inviteStaff.staff;
      await gql(identity, signedIn, REQUEST_CHANGE, { email: `${unique("new")}@client.test` });
      const [invitation] = await outboxEvents(identity, "identity.contact.invited", { key: "contactId", value: contact.id });
      const [signIn] = await eventsEventually(identity, "identity.sign_in.requested", { key: "contactId", value: contact.id });
      const [welcome] = await outboxEvents(identity, "identity.sign_in.requested", { key: "staffId", value: staff.id });
      const changes = await outboxEvents(identity, "identity.email_change.requested", { key: "contactId", value: actor.id! });
      const events = [invitation!, signIn!, welcome!, changes[changes.length - 1]!];
      return {
        links: events.map((event) => `${linkOf(event).origin}${linkOf(event).pathname}`),
        portalUrls: new Set(events.map((event) => event.payload.business.portalUrl)),
      };
    };

    const templated = portalOf(tenant);
    expect(await linksNow()).toEqual({
      links: [
        `${templated}/auth/confirm`,
        `${templated}/auth/confirm`,
        `${templated}/admin/auth/confirm`,
        `${templated}/profile/confirm-email`,
      ],
      portalUrls: new Set([templated]),
    });

    const own = `portal.${tenant.slug}.example`;
    expect(
      (await gql(identity, operator(), HOST_NAMES, { id: tenant.businessId, hostNames: [own, `www.${tenant.slug}.example`] })).data
        .updateHostNames.__typename,
    ).toBe("BusinessSuccess");
    const [updated] = await sql<{ portal_url: string }>(
      forkFor(identity.orm, null),
      `select payload->'business'->>'portalUrl' as portal_url from identity.outbox_event where type = 'identity.business.updated' and business_id = ? order by created_at desc limit 1`,
      [tenant.businessId],
    );
    expect(updated!.portal_url).toBe(`https://${own}`);
    expect(await linksNow()).toEqual({
      links: [
        `https://${own}/auth/confirm`,
        `https://${own}/auth/confirm`,
        `https://${own}/admin/auth/confirm`,
        `https://${own}/profile/confirm-email`,
      ],
      portalUrls: new Set([`https://${own}`]),
    });
  });

  it("sends operators links on the platform's address, whichever host they asked on", async () => {
    const tenant = await createTenant(identity);
    for (const caller of [anonymousIn(null), anonymousIn(tenant.businessId)]) {
      await gql(identity, caller, REQUEST_SIGN_IN, { email: operatorEmail.toUpperCase(), audience: "OPERATOR" });
    }
    const [{ id: operatorId }] = await sql<{ id: string }>(
      forkFor(identity.orm, null),
      `select id from identity.operator where email = ?`,
      [operatorEmail],
    );
    const events = await eventsEventually(identity, "identity.sign_in.requested", { key: "operatorId", value: operatorId }, 2);
    for (const event of events) {
      expect(`${linkOf(event).origin}${linkOf(event).pathname}`).toBe("http://localhost:4000/operator/auth/confirm");
      expect(event.business_id).toBeNull();
      expect(event.payload.business).toBeNull();
    }
  });

  it("invites on a workflow's request with the same portal address as staff's invitations", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    await deliverEvent(identity.boss, identityEvents.inviteRequested, tenant.businessId, {
      contactId: contact.id,
      next: `/invoices/${randomUUID()}`,
    });
    const [invited] = await eventsEventually(identity, "identity.contact.invited", { key: "contactId", value: contact.id });
    expect(`${linkOf(invited!).origin}${linkOf(invited!).pathname}`).toBe(`${portalOf(tenant)}/auth/confirm`);
    expect(invited!.payload.business.portalUrl).toBe(portalOf(tenant));
  });
});
