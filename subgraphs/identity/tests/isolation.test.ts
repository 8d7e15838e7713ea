import { callSubgraph, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiKeyIn,
  authenticate,
  contactIn,
  createContact,
  createTenant,
  gql,
  signInContact,
  startIdentity,
  type Tenant,
} from "./helpers.js";

const ENTITIES = `query($reps: [_Any!]!) { _entities(representations: $reps) { __typename ... on Contact { id email } ... on Business { id slug } ... on Staff { id email } } }`;

/** Two businesses, each with a signed-in contact and an API key; every read and write must stay in its own. */
describe("two-tenant isolation", () => {
  let identity: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let contactA: { id: string; email: string };
  let contactB: { id: string; email: string };
  let sessionA: string;
  let apiKeyA: string;

  beforeAll(async () => {
    identity = await startIdentity();
    a = await createTenant(identity, "a");
    b = await createTenant(identity, "b");
    contactA = await createContact(identity, a);
    contactB = await createContact(identity, b);
    const { sessionToken } = await signInContact(identity, a, contactA.id);
    sessionA = (await authenticate(identity, { host: `${a.slug}.localhost`, sessionToken })).actor.sessionId!;
    await signInContact(identity, b, contactB.id);
    const key = await gql(
      identity,
      a.staff,
      `mutation { createApiKey(input: { name: "A key", scopes: [READ, WRITE] }) { ... on ApiKeyCreated { apiKey { id } } } }`,
    );
    apiKeyA = key.data.createApiKey.apiKey.id;
    await gql(identity, a.staff, `mutation { updatePortalSettings(input: { welcomeMessage: "Only for A", sections: [] }) { __typename } }`);
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("contacts: lists, lookups and edits", async () => {
    const list = await gql(identity, b.staff, `{ contacts { edges { node { id } } } }`);
    expect(list.data.contacts.edges.map((edge: any) => edge.node.id)).toEqual([contactB.id]);
    expect((await gql(identity, b.staff, `query($id: ID!) { contact(id: $id) { id } }`, { id: contactA.id })).data.contact).toBeNull();
    const edit = await gql(
      identity,
      b.staff,
      `mutation($id: ID!) { updateContact(id: $id, input: { name: "Hijack", email: "h@x.test" }) { __typename } }`,
      { id: contactA.id },
    );
    expect(edit.data.updateContact.__typename).toBe("NotFoundError");
    for (const mutation of ["sendInvitation", "revokeAccess"]) {
      const { data } = await gql(identity, b.staff, `mutation($id: ID!) { ${mutation}(contactId: $id) { __typename } }`, {
        id: contactA.id,
      });
      expect(data[mutation].__typename).toBe("NotFoundError");
    }
  });

  it("sessions: staff of another business can neither see nor end them, and a session works only on its own host", async () => {
    const ended = await gql(identity, b.staff, `mutation($id: ID!) { endSession(sessionId: $id) { __typename } }`, { id: sessionA });
    expect(ended.data.endSession.__typename).toBe("NotFoundError");
    const mine = await gql(identity, a.staff, `query($id: ID!) { contact(id: $id) { sessions { id } } }`, { id: contactA.id });
    expect(mine.data.contact.sessions.map((s: any) => s.id)).toEqual([sessionA]);
  });

  it("staff and the business: each staff member sees only their own", async () => {
    const business = await gql(identity, b.staff, `{ business { id settings { welcomeMessage } } }`);
    expect(business.data.business.id).toBe(b.businessId);
    expect(business.data.business.settings.welcomeMessage).not.toBe("Only for A");
    const viewer = await gql(identity, { ...b.staff, actor: { kind: "staff", id: a.ownerId } }, `{ viewer { kind staff { id } } }`);
    expect(viewer.data.viewer).toEqual({ kind: "ANONYMOUS", staff: null });
  });

  it("API keys: listing and revoking stay in the business", async () => {
    const list = await gql(identity, b.staff, `{ apiKeys { totalCount } }`);
    expect(list.data.apiKeys.totalCount).toBe(0);
    const revoke = await gql(identity, b.staff, `mutation($id: ID!) { revokeApiKey(id: $id) { __typename } }`, { id: apiKeyA });
    expect(revoke.data.revokeApiKey.__typename).toBe("NotFoundError");
    const keyOfA = apiKeyIn(a.businessId, apiKeyA, ["read"]);
    expect((await gql(identity, keyOfA, `{ contacts { totalCount } }`)).data.contacts.totalCount).toBe(1);
  });

  it("_entities: a contact resolves only themself, staff only their business, operators any business", async () => {
    const reps = [
      { __typename: "Contact", id: contactA.id },
      { __typename: "Contact", id: contactB.id },
      { __typename: "Business", id: a.businessId },
      { __typename: "Business", id: b.businessId },
      { __typename: "Staff", id: a.ownerId },
      { __typename: "Staff", id: b.ownerId },
    ];
    const asStaffB = await gql(identity, b.staff, ENTITIES, { reps });
    expect(asStaffB.data._entities.map((entity: any) => entity?.id ?? null)).toEqual([
      null,
      contactB.id,
      null,
      b.businessId,
      null,
      b.ownerId,
    ]);
    const asContactA = await gql(identity, contactIn(a.businessId, contactA.id), ENTITIES, { reps });
    expect(asContactA.data._entities.map((entity: any) => entity?.id ?? null)).toEqual([contactA.id, null, a.businessId, null, null, null]);
    const otherContactOfA = await createContact(identity, a);
    const sibling = await gql(identity, contactIn(a.businessId, contactA.id), ENTITIES, {
      reps: [{ __typename: "Contact", id: otherContactOfA.id }],
    });
    expect(sibling.data._entities).toEqual([null]);
    const anonymous = await callSubgraph(identity.url, { ...b.staff, actor: { kind: "anonymous", id: null } }, ENTITIES, { reps });
    expect(anonymous.data._entities.every((entity: unknown) => entity === null)).toBe(true);
  });
});
