import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
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
  unique,
  type Tenant,
  startIdentity,
} from "./helpers.js";

const UPDATE = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { __typename } }`;
const REVOKE = `mutation($id: ID!) { revokeAccess(contactId: $id) { __typename } }`;
const REQUEST_CHANGE = `mutation($email: String!) { requestEmailChange(input: { newEmail: $email }) { __typename } }`;
const CONFIRM_CHANGE = `mutation($token: String!) { confirmEmailChange(input: { token: $token }) { __typename } }`;

/** Every identity.contact.changed snapshot recorded for one contact, oldest first. */
async function changes(identity: RunningSubgraphProcess, contactId: string) {
  const rows = await sql<{ business_id: string; payload: any }>(
    forkFor(identity.orm, null),
    `select business_id, payload from identity.outbox_event where type = 'identity.contact.changed' and payload->'contact'->>'id' = ? order by created_at, id`,
    [contactId],
  );
  return rows.map((row) => ({ businessId: row.business_id, ...row.payload.contact }));
}

describe("identity.contact.changed", () => {
  let identity: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("is recorded when staff create and edit a contact, including an email change", async () => {
    const email = `${unique("robin")}@client.test`;
    const contact = await createContact(identity, tenant, { name: "Robin Banks", email, dnd: true });
    const [created] = await changes(identity, contact.id);
    expect(created).toEqual({
      businessId: tenant.businessId,
      id: contact.id,
      name: "Robin Banks",
      firstName: "Robin",
      email,
      dnd: true,
      accessStatus: "NONE",
    });

    const newEmail = `${unique("robin.new")}@client.test`;
    await gql(identity, tenant.staff, UPDATE, { id: contact.id, input: { name: "Robin Q Banks", email: newEmail, dnd: false } });
    const all = await changes(identity, contact.id);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ name: "Robin Q Banks", email: newEmail, dnd: false, accessStatus: "NONE" });
  });

  it("follows portal access: invited, active, revoked", async () => {
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    const token = await latestToken(identity, "identity.contact.invited", "contactId", contact.id);
    await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    await gql(identity, tenant.staff, REVOKE, { id: contact.id });
    expect((await changes(identity, contact.id)).map((change) => change.accessStatus)).toEqual(["NONE", "INVITED", "ACTIVE", "REVOKED"]);
  });

  it("is recorded when a contact confirms a new email address", async () => {
    const contact = await createContact(identity, tenant);
    await invite(identity, tenant, contact.id);
    const signIn = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, {
      token: await latestToken(identity, "identity.contact.invited", "contactId", contact.id),
    });
    const sessionToken = signIn.headers.get("x-portal-set-session")!.split(";")[0]!;
    const { actor } = await authenticate(identity, { host: `${tenant.slug}.localhost`, sessionToken });
    const newEmail = `${unique("moved")}@client.test`;
    await gql(identity, contactIn(tenant.businessId, contact.id, actor.sessionId), REQUEST_CHANGE, { email: newEmail });
    const before = (await changes(identity, contact.id)).length;
    const token = await latestToken(identity, "identity.email_change.requested", "contactId", contact.id);
    await gql(identity, anonymousIn(tenant.businessId), CONFIRM_CHANGE, { token });
    const after = await changes(identity, contact.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ email: newEmail, accessStatus: "ACTIVE" });
  });
});
