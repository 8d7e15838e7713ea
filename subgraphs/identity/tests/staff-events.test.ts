import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, gql, startIdentity, unique } from "./helpers.js";

const INVITE = `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { __typename ... on StaffSuccess { staff { id } } ... on UserError { message } } }`;
const SET_ROLE = `mutation($id: ID!, $role: StaffRole!) { updateStaffRole(staffId: $id, role: $role) { __typename } }`;
const REMOVE = `mutation($id: ID!) { removeStaff(staffId: $id) { __typename } }`;

interface StaffChanged {
  business_id: string;
  payload: { staff: { id: string; name: string; email: string; role: string; removed: boolean } };
}

/** The `identity.staff.changed` events about one team member, oldest first. */
function staffEvents(identity: RunningSubgraphProcess, staffId: string) {
  return sql<StaffChanged>(
    forkFor(identity.orm, null),
    `select business_id, payload from identity.outbox_event where type = 'identity.staff.changed' and payload->'staff'->>'id' = ? order by created_at, id`,
    [staffId],
  );
}

describe("identity.staff.changed", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("is published for the owner created with the business", async () => {
    const tenant = await createTenant(identity);
    const events = await staffEvents(identity, tenant.ownerId);
    expect(events).toEqual([
      {
        business_id: tenant.businessId,
        payload: { staff: { id: tenant.ownerId, name: "Owner Person", email: `owner@${tenant.slug}.test`, role: "OWNER", removed: false } },
      },
    ]);
  });

  it("follows a team member from invitation through a role change to removal", async () => {
    const tenant = await createTenant(identity);
    const email = `${unique("pat")}@team.test`;
    const { data } = await gql(identity, tenant.staff, INVITE, { input: { name: "Pat Partner", email, role: "STAFF" } });
    const staffId = data.inviteStaff.staff.id as string;
    const member = { id: staffId, name: "Pat Partner", email };
    expect((await staffEvents(identity, staffId)).map((e) => e.payload.staff)).toEqual([{ ...member, role: "STAFF", removed: false }]);

    await gql(identity, tenant.staff, SET_ROLE, { id: staffId, role: "OWNER" });
    await gql(identity, tenant.staff, SET_ROLE, { id: staffId, role: "OWNER" }); // no change, no event
    await gql(identity, tenant.staff, REMOVE, { id: staffId });
    const events = await staffEvents(identity, staffId);
    expect(events.map((e) => e.payload.staff)).toEqual([
      { ...member, role: "STAFF", removed: false },
      { ...member, role: "OWNER", removed: false },
      { ...member, role: "OWNER", removed: true },
    ]);
    expect(events.every((e) => e.business_id === tenant.businessId)).toBe(true);
  });

  it("is not published when the change is refused", async () => {
    const tenant = await createTenant(identity);
    const { data } = await gql(identity, tenant.staff, SET_ROLE, { id: tenant.ownerId, role: "STAFF" });
    expect(data.updateStaffRole.__typename).toBe("LastOwnerError");
    const taken = await gql(identity, tenant.staff, INVITE, {
      input: { name: "Copy Cat", email: `owner@${tenant.slug}.test`, role: "STAFF" },
    });
    expect(taken.data.inviteStaff.__typename).toBe("EmailTakenError");
    expect(await staffEvents(identity, tenant.ownerId)).toHaveLength(1);
    const [{ count }] = await sql<{ count: string }>(
      forkFor(identity.orm, null),
      `select count(*) from identity.outbox_event where type = 'identity.staff.changed' and business_id = ?`,
      [tenant.businessId],
    );
    expect(Number(count)).toBe(1);
  });
});
