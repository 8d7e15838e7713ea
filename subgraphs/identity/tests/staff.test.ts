import { forkFor, sql, TEST_SECRET, unseal, type LiveMessage, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anonymousIn,
  authenticate,
  CONFIRM,
  createTenant,
  gql,
  latestToken,
  outboxEvents,
  staffIn,
  startIdentity,
  unique,
  type Tenant,
} from "./helpers.js";

const INVITE = `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { __typename ... on StaffSuccess { staff { id name email role createdAt } } ... on UserError { message } ... on ValidationError { field } ... on EmailTakenError { field } } }`;
const LIST = `query($first: Int, $after: String, $search: String) { staffMembers(first: $first, after: $after, search: $search) { totalCount edges { node { id name email role } } pageInfo { hasNextPage endCursor } } }`;
const SET_ROLE = `mutation($id: ID!, $role: StaffRole!) { updateStaffRole(staffId: $id, role: $role) { __typename ... on StaffSuccess { staff { id role } } ... on UserError { message } } }`;
const REMOVE = `mutation($id: ID!) { removeStaff(staffId: $id) { __typename ... on RemoveStaffSuccess { removedStaffId } ... on UserError { message } } }`;

async function inviteMember(identity: RunningSubgraphProcess, tenant: Tenant, role: "OWNER" | "STAFF" = "STAFF", name = "Terry Team") {
  const email = `${unique("terry")}@team.test`;
  const { data } = await gql(identity, tenant.staff, INVITE, { input: { name, email, role } });
  if (data.inviteStaff.__typename !== "StaffSuccess") throw new Error(data.inviteStaff.message);
  return data.inviteStaff.staff as { id: string; email: string; name: string };
}

function nextRevocation(identity: RunningSubgraphProcess): Promise<LiveMessage<any>> {
  const iterator = identity.live.subscribe<any>((message) => message.topic === "auth.revoked");
  return iterator.next().then((result) => {
    void iterator.return?.();
    return result.value as LiveMessage<any>;
  });
}

describe("team management", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("invites with the staff sign-in link, which signs the new member in to the admin console", async () => {
    const tenant = await createTenant(identity);
    const member = await inviteMember(identity, tenant, "STAFF", "Terry Team");
    expect(member).toMatchObject({ name: "Terry Team", role: "STAFF" });

    const [event] = await outboxEvents(identity, "identity.sign_in.requested", { key: "staffId", value: member.id });
    expect(event!.business_id).toBe(tenant.businessId);
    expect(event!.payload).toMatchObject({
      audience: "staff",
      staffId: member.id,
      recipient: { email: member.email, name: "Terry Team", firstName: "Terry", dnd: false },
      business: { id: tenant.businessId, slug: tenant.slug },
      expiresAt: expect.any(String),
    });
    expect(new URL(unseal(TEST_SECRET, event!.payload.sealedLink)).pathname).toBe("/admin/auth/confirm");

    const token = await latestToken(identity, "identity.sign_in.requested", "staffId", member.id);
    const { data } = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    expect(data.confirmSignIn).toMatchObject({ __typename: "SignInSuccess", viewer: { kind: "STAFF", staff: { id: member.id } } });
  });

  it("names the invalid field and refuses an email already on the team, whatever its case", async () => {
    const tenant = await createTenant(identity);
    const invite = (input: object) =>
      gql(identity, tenant.staff, INVITE, { input: { name: "Pat", email: "pat@team.test", role: "STAFF", ...input } });
    expect((await invite({ name: "  " })).data.inviteStaff).toMatchObject({ __typename: "ValidationError", field: "name" });
    expect((await invite({ email: "not-an-email" })).data.inviteStaff).toMatchObject({ __typename: "ValidationError", field: "email" });
    expect((await invite({ email: `OWNER@${tenant.slug.toUpperCase()}.test` })).data.inviteStaff).toMatchObject({
      __typename: "EmailTakenError",
      field: "email",
    });
    expect((await invite({})).data.inviteStaff.__typename).toBe("StaffSuccess");
    expect((await invite({ name: "Pat Again" })).data.inviteStaff.__typename).toBe("EmailTakenError");
  });

  it("lists the team by name with search and pages", async () => {
    const tenant = await createTenant(identity);
    await inviteMember(identity, tenant, "STAFF", "Avery Able");
    await inviteMember(identity, tenant, "STAFF", "Blake Baker");
    const first = await gql(identity, tenant.staff, LIST, { first: 2 });
    expect(first.data.staffMembers.totalCount).toBe(3);
    expect(first.data.staffMembers.edges.map((edge: any) => edge.node.name)).toEqual(["Avery Able", "Blake Baker"]);
    const rest = await gql(identity, tenant.staff, LIST, { first: 2, after: first.data.staffMembers.pageInfo.endCursor });
    expect(rest.data.staffMembers.edges.map((edge: any) => edge.node.role)).toEqual(["OWNER"]);
    expect(rest.data.staffMembers.pageInfo.hasNextPage).toBe(false);
    const found = await gql(identity, tenant.staff, LIST, { search: "BAKER" });
    expect(found.data.staffMembers.edges.map((edge: any) => edge.node.name)).toEqual(["Blake Baker"]);
  });

  it("changes roles but never demotes the last owner", async () => {
    const tenant = await createTenant(identity);
    const lastOwner = await gql(identity, tenant.staff, SET_ROLE, { id: tenant.ownerId, role: "STAFF" });
    expect(lastOwner.data.updateStaffRole.__typename).toBe("LastOwnerError");

    const member = await inviteMember(identity, tenant);
    const promoted = await gql(identity, tenant.staff, SET_ROLE, { id: member.id, role: "OWNER" });
    expect(promoted.data.updateStaffRole).toEqual({ __typename: "StaffSuccess", staff: { id: member.id, role: "OWNER" } });
    // With two owners, the original may step down; the new owner is now the last one.
    expect((await gql(identity, tenant.staff, SET_ROLE, { id: tenant.ownerId, role: "STAFF" })).data.updateStaffRole.staff.role).toBe(
      "STAFF",
    );
    const newOwner = staffIn(tenant.businessId, member.id);
    expect((await gql(identity, newOwner, SET_ROLE, { id: member.id, role: "STAFF" })).data.updateStaffRole.__typename).toBe(
      "LastOwnerError",
    );
    const unknown = await gql(identity, newOwner, SET_ROLE, { id: crypto.randomUUID(), role: "OWNER" });
    expect(unknown.data.updateStaffRole.__typename).toBe("NotFoundError");
  });

  it("keeps an owner when two owners demote each other at the same moment", async () => {
    const tenant = await createTenant(identity);
    const second = await inviteMember(identity, tenant, "OWNER");
    // Hold the owner rows while both requests start, so both are inside their transactions at once.
    const pending = await forkFor(identity.orm, null).transactional(async (tx) => {
      await sql(tx, `select id from identity.staff where business_id = ? for update`, [tenant.businessId]);
      const both = Promise.all([
        gql(identity, tenant.staff, SET_ROLE, { id: second.id, role: "STAFF" }),
        gql(identity, staffIn(tenant.businessId, second.id), SET_ROLE, { id: tenant.ownerId, role: "STAFF" }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { both }; // wrapped: returning the promise itself would wait for it before committing
    });
    const results = await pending.both;
    const outcomes = results.map((result) => result.data.updateStaffRole.__typename).sort();
    expect(outcomes).toEqual(["LastOwnerError", "StaffSuccess"]);
    const list = await gql(identity, tenant.staff, LIST);
    expect(list.data.staffMembers.edges.filter((edge: any) => edge.node.role === "OWNER")).toHaveLength(1);
  });

  it("removes a member: sessions end at once and are announced; owners cannot remove themselves", async () => {
    const tenant = await createTenant(identity);
    const member = await inviteMember(identity, tenant);
    const token = await latestToken(identity, "identity.sign_in.requested", "staffId", member.id);
    const signedIn = await gql(identity, anonymousIn(tenant.businessId), CONFIRM, { token });
    const sessionToken = signedIn.headers.get("x-portal-set-session")!.split(";")[0]!;
    const host = `${tenant.slug}.localhost`;
    const before = await authenticate(identity, { host, sessionToken });
    expect(before.actor).toMatchObject({ kind: "staff", id: member.id, role: "staff" });

    expect((await gql(identity, tenant.staff, REMOVE, { id: tenant.ownerId })).data.removeStaff.__typename).toBe("CannotRemoveSelfError");

    const revoked = nextRevocation(identity);
    const { data } = await gql(identity, tenant.staff, REMOVE, { id: member.id });
    expect(data.removeStaff).toEqual({ __typename: "RemoveStaffSuccess", removedStaffId: member.id });
    expect((await revoked).data).toEqual({ sessionIds: [before.actor.sessionId], apiKeyIds: [] });
    expect(await authenticate(identity, { host, sessionToken })).toMatchObject({ actor: { kind: "anonymous" }, sessionValid: false });
    const list = await gql(identity, tenant.staff, LIST);
    expect(list.data.staffMembers.edges.map((edge: any) => edge.node.id)).toEqual([tenant.ownerId]);
    expect((await gql(identity, tenant.staff, REMOVE, { id: member.id })).data.removeStaff.__typename).toBe("NotFoundError");
  });
});
