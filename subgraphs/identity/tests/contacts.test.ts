import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyIn, contactIn, createContact, createTenant, gql, invite, signInContact, startIdentity, unique } from "./helpers.js";
import { callSubgraph } from "@portal/kit";

const CONTACT_RESULT = `__typename ... on ContactSuccess { contact { id name email phone dnd access { status } } } ... on UserError { message } ... on ValidationError { field } ... on EmailTakenError { field }`;
const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { ${CONTACT_RESULT} } }`;
const UPDATE = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ${CONTACT_RESULT} } }`;
const LIST = `query($first: Int, $after: String, $search: String, $status: PortalAccessStatus) {
  contacts(first: $first, after: $after, search: $search, accessStatus: $status) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name access { status lastLoginAt } } } } }`;

describe("contacts", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("creates and edits a contact, with validation errors naming the field", async () => {
    const tenant = await createTenant(identity);
    const email = `${unique("pat")}@client.test`;
    const created = await gql(identity, tenant.staff, CREATE, { input: { name: " Pat Lee ", email, phone: "+44 20 7946 0000" } });
    expect(created.data.createContact).toMatchObject({
      __typename: "ContactSuccess",
      contact: { name: "Pat Lee", email, dnd: false, access: { status: "NONE" } },
    });
    const id = created.data.createContact.contact.id;

    const updated = await gql(identity, tenant.staff, UPDATE, { id, input: { name: "Pat Lee-Smith", email, phone: null, dnd: true } });
    expect(updated.data.updateContact.contact).toMatchObject({ name: "Pat Lee-Smith", phone: null, dnd: true });

    for (const [input, field] of [
      [{ name: "", email }, "name"],
      [{ name: "X", email: "nope" }, "email"],
      [{ name: "X", email: `${unique("x")}@client.test`, phone: "call me" }, "phone"],
    ] as const) {
      const { data } = await gql(identity, tenant.staff, CREATE, { input });
      expect(data.createContact).toMatchObject({ __typename: "ValidationError", field });
    }
  });

  it("keeps emails unique per business, ignoring case, but not across businesses", async () => {
    const tenant = await createTenant(identity);
    const other = await createTenant(identity);
    const email = `${unique("dup")}@client.test`;
    await createContact(identity, tenant, { email });
    const clash = await gql(identity, tenant.staff, CREATE, { input: { name: "Dup", email: email.toUpperCase() } });
    expect(clash.data.createContact).toMatchObject({ __typename: "EmailTakenError", field: "email" });
    const second = await createContact(identity, tenant);
    const clashOnEdit = await gql(identity, tenant.staff, UPDATE, { id: second.id, input: { name: "Dup", email } });
    expect(clashOnEdit.data.updateContact.__typename).toBe("EmailTakenError");
    await createContact(identity, other, { email });
  });

  it("searches by name or email, filters by access status, and pages with cursors", async () => {
    const tenant = await createTenant(identity);
    const names = ["Ada Byron", "Bea Arthur", "Cy Young", "Di Prince", "Ed Stone"];
    const ids: string[] = [];
    for (const name of names)
      ids.push((await createContact(identity, tenant, { name, email: `${name.split(" ")[0]!.toLowerCase()}@${unique("s")}.test` })).id);
    await invite(identity, tenant, ids[1]!);
    await signInContact(identity, tenant, ids[2]!);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { data }: { data: any } = await gql(identity, tenant.staff, LIST, { first: 2, after });
      expect(data.contacts.totalCount).toBe(5);
      seen.push(...data.contacts.edges.map((edge: any) => edge.node.name));
      after = data.contacts.pageInfo.hasNextPage ? data.contacts.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(names);

    const byName = await gql(identity, tenant.staff, LIST, { search: "bea" });
    expect(byName.data.contacts.edges.map((edge: any) => edge.node.name)).toEqual(["Bea Arthur"]);
    const byEmail = await gql(identity, tenant.staff, LIST, { search: "ed@" });
    expect(byEmail.data.contacts.edges.map((edge: any) => edge.node.name)).toEqual(["Ed Stone"]);
    const wildcard = await gql(identity, tenant.staff, LIST, { search: "%" });
    expect(wildcard.data.contacts.totalCount).toBe(0);
    const invited = await gql(identity, tenant.staff, LIST, { status: "INVITED" });
    expect(invited.data.contacts.edges.map((edge: any) => edge.node.name)).toEqual(["Bea Arthur"]);
    const active = await gql(identity, tenant.staff, LIST, { status: "ACTIVE" });
    expect(active.data.contacts.edges[0].node).toMatchObject({
      name: "Cy Young",
      access: { status: "ACTIVE", lastLoginAt: expect.any(String) },
    });
  });

  it("is for staff and scoped API keys only", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    const asContact = await callSubgraph(identity.url, contactIn(tenant.businessId, contact.id), LIST);
    expect(asContact.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const readKey = apiKeyIn(tenant.businessId, crypto.randomUUID(), ["read"]);
    expect((await gql(identity, readKey, LIST)).data.contacts.totalCount).toBe(1);
    const readOnlyWrite = await callSubgraph(identity.url, readKey, CREATE, { input: { name: "K", email: `${unique("k")}@client.test` } });
    expect(readOnlyWrite.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const writeKey = apiKeyIn(tenant.businessId, crypto.randomUUID(), ["read", "write"]);
    expect(
      (await gql(identity, writeKey, CREATE, { input: { name: "K", email: `${unique("k")}@client.test` } })).data.createContact.__typename,
    ).toBe("ContactSuccess");
  });
});
