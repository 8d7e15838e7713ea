import { callSubgraph, type Caller, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  apiKeyIn,
  contactIn,
  createContact,
  createTenant,
  gql,
  staffIn,
  startIdentity,
  unique,
  type Tenant,
} from "./helpers.js";

const INVITE = `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { __typename ... on StaffSuccess { staff { id } } ... on UserError { message } } }`;
const LIST = `{ staffMembers { totalCount edges { node { id email role } } } }`;
const SET_ROLE = `mutation($id: ID!, $role: StaffRole!) { updateStaffRole(staffId: $id, role: $role) { __typename } }`;
const REMOVE = `mutation($id: ID!) { removeStaff(staffId: $id) { __typename } }`;

async function inviteMember(identity: RunningSubgraphProcess, tenant: Tenant, email = `${unique("member")}@team.test`) {
  const { data } = await gql(identity, tenant.staff, INVITE, { input: { name: "Member", email, role: "STAFF" } });
  if (data.inviteStaff.__typename !== "StaffSuccess") throw new Error(data.inviteStaff.message);
  return data.inviteStaff.staff.id as string;
}

async function errorCode(identity: RunningSubgraphProcess, caller: Caller, query: string, variables: Record<string, unknown> = {}) {
  const response = await callSubgraph(identity.url, caller, query, variables);
  return response.errors?.[0]?.extensions?.code;
}

describe("team management: who may do what", () => {
  let identity: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  let memberA: string;

  beforeAll(async () => {
    identity = await startIdentity();
    a = await createTenant(identity, "team-a");
    b = await createTenant(identity, "team-b");
    memberA = await inviteMember(identity, a, "shared@team.test");
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("staff who are not owners see the team but cannot change it, even if a cached role says owner", async () => {
    const member = staffIn(a.businessId, memberA, { role: "owner" });
    expect((await gql(identity, member, LIST)).data.staffMembers.totalCount).toBe(2);
    expect(await errorCode(identity, member, INVITE, { input: { name: "X", email: "x@team.test", role: "OWNER" } })).toBe("FORBIDDEN");
    expect(await errorCode(identity, member, SET_ROLE, { id: memberA, role: "OWNER" })).toBe("FORBIDDEN");
    expect(await errorCode(identity, member, REMOVE, { id: a.ownerId })).toBe("FORBIDDEN");
  });

  it("contacts, anonymous callers and API keys are refused; a READ key may list", async () => {
    const contact = await createContact(identity, a);
    const asContact = contactIn(a.businessId, contact.id);
    expect(await errorCode(identity, asContact, LIST)).toBe("FORBIDDEN");
    expect(await errorCode(identity, asContact, REMOVE, { id: memberA })).toBe("FORBIDDEN");
    expect(await errorCode(identity, anonymousIn(a.businessId), LIST)).toBe("UNAUTHENTICATED");
    expect(await errorCode(identity, anonymousIn(a.businessId), REMOVE, { id: memberA })).toBe("UNAUTHENTICATED");

    expect((await gql(identity, apiKeyIn(a.businessId, crypto.randomUUID(), ["read"]), LIST)).data.staffMembers.totalCount).toBe(2);
    const writeKey = apiKeyIn(a.businessId, crypto.randomUUID(), ["read", "write"]);
    expect(await errorCode(identity, writeKey, INVITE, { input: { name: "Bot", email: "bot@team.test", role: "OWNER" } })).toBe(
      "FORBIDDEN",
    );
    expect(await errorCode(identity, writeKey, SET_ROLE, { id: memberA, role: "OWNER" })).toBe("FORBIDDEN");
    expect(await errorCode(identity, writeKey, REMOVE, { id: memberA })).toBe("FORBIDDEN");
  });

  it("a business never sees or changes another business's team", async () => {
    const listB = await gql(identity, b.staff, LIST);
    expect(listB.data.staffMembers.edges.map((edge: any) => edge.node.id)).toEqual([b.ownerId]);
    expect((await gql(identity, b.staff, SET_ROLE, { id: memberA, role: "OWNER" })).data.updateStaffRole.__typename).toBe("NotFoundError");
    expect((await gql(identity, b.staff, SET_ROLE, { id: a.ownerId, role: "STAFF" })).data.updateStaffRole.__typename).toBe(
      "NotFoundError",
    );
    expect((await gql(identity, b.staff, REMOVE, { id: memberA })).data.removeStaff.__typename).toBe("NotFoundError");
    // An owner of A presenting a session on B's host is not an owner there.
    expect(await errorCode(identity, staffIn(b.businessId, a.ownerId), REMOVE, { id: b.ownerId })).toBe("UNAUTHENTICATED");

    // Emails are unique per business only: B may add the same person A has.
    expect(
      (await gql(identity, b.staff, INVITE, { input: { name: "Shared", email: "shared@team.test", role: "STAFF" } })).data.inviteStaff
        .__typename,
    ).toBe("StaffSuccess");
    const listA = await gql(identity, a.staff, LIST);
    expect(listA.data.staffMembers.edges).toEqual(
      expect.arrayContaining([{ node: { id: memberA, email: "shared@team.test", role: "STAFF" } }]),
    );
    expect(listA.data.staffMembers.totalCount).toBe(2);
  });
});
