import { callSubgraph, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  authenticate,
  contactIn,
  createContact,
  createTenant,
  gql,
  latestToken,
  outboxEvents,
  signInContact,
  startIdentity,
  unique,
  type Tenant,
} from "./helpers.js";

const UPDATE_PROFILE = `mutation($input: ProfileInput!) { updateProfile(input: $input) { __typename ... on ProfileSuccess { contact { name phone email } } ... on ValidationError { field message } } }`;
const REQUEST_CHANGE = `mutation($email: String!) { requestEmailChange(input: { newEmail: $email }) { __typename ... on EmailChangeRequested { newEmail message } ... on UserError { message } ... on ValidationError { field } ... on EmailTakenError { field } } }`;
const CONFIRM_CHANGE = `mutation($token: String!) { confirmEmailChange(input: { token: $token }) { __typename ... on ProfileSuccess { contact { id email } } ... on UserError { message } } }`;

describe("profile", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  async function signedInContact(tenant: Tenant) {
    const contact = await createContact(identity, tenant);
    const { sessionToken } = await signInContact(identity, tenant, contact.id);
    const { actor } = await authenticate(identity, { host: `${tenant.slug}.localhost`, sessionToken });
    return { contact, caller: contactIn(tenant.businessId, contact.id, actor.sessionId) };
  }

  it("lets a contact edit name and phone, with validation naming the field", async () => {
    const tenant = await createTenant(identity);
    const { caller } = await signedInContact(tenant);
    const { data } = await gql(identity, caller, UPDATE_PROFILE, { input: { name: "Robin Banks", phone: "+1 555 0199" } });
    expect(data.updateProfile).toMatchObject({ __typename: "ProfileSuccess", contact: { name: "Robin Banks", phone: "+1 555 0199" } });
    const invalid = await gql(identity, caller, UPDATE_PROFILE, { input: { name: "  " } });
    expect(invalid.data.updateProfile).toMatchObject({ __typename: "ValidationError", field: "name" });
    const asStaff = await callSubgraph(identity.url, tenant.staff, UPDATE_PROFILE, { input: { name: "Nope" } });
    expect(asStaff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("changes the email only after confirmation from the new address", async () => {
    const tenant = await createTenant(identity);
    const { contact, caller } = await signedInContact(tenant);
    const newEmail = `${unique("new")}@client.test`;
    const requested = await gql(identity, caller, REQUEST_CHANGE, { email: newEmail });
    expect(requested.data.requestEmailChange).toMatchObject({ __typename: "EmailChangeRequested", newEmail });
    const [event] = await outboxEvents(identity, "identity.email_change.requested", { key: "contactId", value: contact.id });
    expect(event!.payload.recipient.email).toBe(newEmail);

    const unchanged = await gql(identity, caller, `{ viewer { contact { email } } }`);
    expect(unchanged.data.viewer.contact.email).toBe(contact.email);

    const token = await latestToken(identity, "identity.email_change.requested", "contactId", contact.id);
    const confirmed = await gql(identity, anonymousIn(tenant.businessId), CONFIRM_CHANGE, { token });
    expect(confirmed.data.confirmEmailChange).toEqual({ __typename: "ProfileSuccess", contact: { id: contact.id, email: newEmail } });
    const reused = await gql(identity, anonymousIn(tenant.businessId), CONFIRM_CHANGE, { token });
    expect(reused.data.confirmEmailChange.__typename).toBe("InvalidSignInLinkError");
  });

  it("keeps the email unique in the business, at request and at confirmation", async () => {
    const tenant = await createTenant(identity);
    const { contact, caller } = await signedInContact(tenant);
    const neighbour = await createContact(identity, tenant);
    const taken = await gql(identity, caller, REQUEST_CHANGE, { email: neighbour.email.toUpperCase() });
    expect(taken.data.requestEmailChange).toMatchObject({ __typename: "EmailTakenError", field: "newEmail" });
    const invalid = await gql(identity, caller, REQUEST_CHANGE, { email: "broken" });
    expect(invalid.data.requestEmailChange).toMatchObject({ __typename: "ValidationError", field: "newEmail" });

    const contested = `${unique("race")}@client.test`;
    await gql(identity, caller, REQUEST_CHANGE, { email: contested });
    await createContact(identity, tenant, { email: contested });
    const token = await latestToken(identity, "identity.email_change.requested", "contactId", contact.id);
    const late = await gql(identity, anonymousIn(tenant.businessId), CONFIRM_CHANGE, { token });
    expect(late.data.confirmEmailChange.__typename).toBe("EmailTakenError");
  });
});
