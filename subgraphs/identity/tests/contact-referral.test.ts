import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyIn, createContact, createTenant, gql, outboxEvents, startIdentity, unique } from "./helpers.js";

const RESULT = `__typename ... on ContactSuccess { contact { id email createdAt } } ... on UserError { message } ... on ValidationError { field }`;
const CREATE = `mutation($input: ContactInput!) { createContact(input: $input) { ${RESULT} } }`;
const UPDATE = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { ${RESULT} } }`;

const referrals = (identity: RunningSubgraphProcess, contactId: string) =>
  outboxEvents(identity, "identity.contact.referred", { key: "contactId", value: contactId });

describe("creating a contact with an affiliate's referral code", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  const contactsNamed = async (businessId: string, email: string) =>
    sql(forkFor(identity.orm, null), `select id from identity.contact where business_id = ? and email = ?`, [businessId, email]);

  it("tells affiliates which code the new contact arrived with, trimmed, in the creating business, at the contact's creation", async () => {
    const tenant = await createTenant(identity);
    const { data } = await gql(identity, tenant.staff, CREATE, {
      input: { name: "Sam Reed", email: `${unique("sam")}@client.test`, referralCode: "  Summer_Launch-24 " },
    });
    expect(data.createContact.__typename).toBe("ContactSuccess");
    const contact = data.createContact.contact;
    const [event, ...more] = await referrals(identity, contact.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ type: "identity.contact.referred", business_id: tenant.businessId });
    expect(event!.payload).toEqual({ contactId: contact.id, referralCode: "Summer_Launch-24", occurredAt: expect.any(String) });
    expect(Date.parse(event!.payload.occurredAt)).toBe(Date.parse(contact.createdAt));
  });

  it("accepts the code from an integration's API key as from the console", async () => {
    const tenant = await createTenant(identity);
    const writeKey = apiKeyIn(tenant.businessId, crypto.randomUUID(), ["read", "write"]);
    const { data } = await gql(identity, writeKey, CREATE, {
      input: { name: "Kim Vega", email: `${unique("kim")}@client.test`, referralCode: "x7Gk2pQa" },
    });
    const [event] = await referrals(identity, data.createContact.contact.id);
    expect(event!.payload.referralCode).toBe("x7Gk2pQa");
    expect(event!.business_id).toBe(tenant.businessId);
  });

  it("publishes nothing when no code (or a blank one) is given", async () => {
    const tenant = await createTenant(identity);
    const plain = await createContact(identity, tenant);
    const blank = await gql(identity, tenant.staff, CREATE, {
      input: { name: "Blank Code", email: `${unique("blank")}@client.test`, referralCode: "   " },
    });
    expect(blank.data.createContact.__typename).toBe("ContactSuccess");
    expect(await referrals(identity, plain.id)).toEqual([]);
    expect(await referrals(identity, blank.data.createContact.contact.id)).toEqual([]);
  });

  it("refuses a malformed code as a ValidationError naming referralCode, creating nothing and telling nobody", async () => {
    const tenant = await createTenant(identity);
    for (const referralCode of ["summer sale", "a/b", "ref=abc", "café", "x".repeat(65), "<script>"]) {
      const email = `${unique("bad")}@client.test`;
      const { data } = await gql(identity, tenant.staff, CREATE, { input: { name: "Bad Code", email, referralCode } });
      expect(data.createContact).toMatchObject({ __typename: "ValidationError", field: "referralCode" });
      expect(data.createContact.message).toMatch(/referral code/i);
      expect(await contactsNamed(tenant.businessId, email)).toEqual([]);
    }
    const longest = await gql(identity, tenant.staff, CREATE, {
      input: { name: "Long Code", email: `${unique("long")}@client.test`, referralCode: "x".repeat(64) },
    });
    expect(longest.data.createContact.__typename).toBe("ContactSuccess");
    const events = await sql(forkFor(identity.orm, null), `select 1 from identity.outbox_event where type = ? and business_id = ?`, [
      "identity.contact.referred",
      tenant.businessId,
    ]);
    expect(events).toHaveLength(1);
  });

  it("publishes no referral when the creation itself fails (email taken)", async () => {
    const tenant = await createTenant(identity);
    const taken = await createContact(identity, tenant);
    const { data } = await gql(identity, tenant.staff, CREATE, {
      input: { name: "Twin", email: taken.email.toUpperCase(), referralCode: "twin-code" },
    });
    expect(data.createContact.__typename).toBe("EmailTakenError");
    const events = await sql(
      forkFor(identity.orm, null),
      `select 1 from identity.outbox_event where type = ? and payload->>'referralCode' = ?`,
      ["identity.contact.referred", "twin-code"],
    );
    expect(events).toEqual([]);
  });

  it("refuses a code on an edit: the referral is recorded once, when the contact is created", async () => {
    const tenant = await createTenant(identity);
    const contact = await createContact(identity, tenant);
    const refused = await gql(identity, tenant.staff, UPDATE, {
      id: contact.id,
      input: { name: "Casey Client", email: contact.email, referralCode: "late-code" },
    });
    expect(refused.data.updateContact).toMatchObject({ __typename: "ValidationError", field: "referralCode" });
    const edited = await gql(identity, tenant.staff, UPDATE, {
      id: contact.id,
      input: { name: "Casey Client", email: contact.email, referralCode: "" },
    });
    expect(edited.data.updateContact.__typename).toBe("ContactSuccess");
    expect(await referrals(identity, contact.id)).toEqual([]);
  });

  it("keeps another business's staff out of the contact: a referral is always the creator's business", async () => {
    const tenant = await createTenant(identity);
    const other = await createTenant(identity, "other");
    const { data } = await gql(identity, other.staff, CREATE, {
      input: { name: "Elsewhere", email: `${unique("else")}@client.test`, referralCode: "shared-code" },
    });
    const [event] = await referrals(identity, data.createContact.contact.id);
    expect(event!.business_id).toBe(other.businessId);
    const edit = await gql(identity, tenant.staff, UPDATE, {
      id: data.createContact.contact.id,
      input: { name: "Taken Over", email: `${unique("t")}@client.test` },
    });
    expect(edit.data.updateContact.__typename).toBe("NotFoundError");
  });
});
