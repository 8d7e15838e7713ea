import { randomUUID } from "node:crypto";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { Migration } from "@mikro-orm/migrations";
import {
  eventTablesSql,
  forkFor,
  requestIdentitySnapshot,
  runSubgraph,
  saveContactSnapshot,
  snapshotAnswerQueue,
  sql,
  testRuntime,
  withIdentityProjection,
  OutboxEvent,
  ProcessedEvent,
  type RunningSubgraphProcess,
} from "@portal/kit";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createContact, createTenant, eventually, gql, startIdentity, unique, type Tenant } from "./helpers.js";

const INVITE_STAFF = `mutation($input: InviteStaffInput!) { inviteStaff(input: $input) { __typename ... on StaffSuccess { staff { id } } } }`;
const UPDATE_CONTACT = `mutation($id: ID!, $input: ContactInput!) { updateContact(id: $id, input: $input) { __typename } }`;

/** A section that mounts the identity projection and nothing else, started for the first time. */
function startNewSection(name: string): Promise<RunningSubgraphProcess> {
  class Initial extends Migration {
    async up(): Promise<void> {
      for (const statement of eventTablesSql(name)) this.addSql(statement);
    }
  }
  const definition = withIdentityProjection({
    name,
    schema: name,
    entities: [OutboxEvent, ProcessedEvent],
    migrations: [{ name: "Migration20270101000000Initial", class: Initial }],
    buildSchema: async () => buildSubgraphSchema([{ typeDefs: parse(`type Query { ok: Boolean }`) }]),
  });
  return runSubgraph(definition, testRuntime(inject("databaseUrl" as never) as string));
}

/** Waits until identity has relayed every event about the business (so a later subscriber missed them). */
function relayed(identity: RunningSubgraphProcess, businessId: string) {
  return eventually(async () => {
    const [{ waiting }] = await sql<{ waiting: number }>(
      forkFor(identity.orm, null),
      `select count(*)::int as waiting from identity.outbox_event where business_id = ? and published_at is null`,
      [businessId],
    );
    return waiting === 0;
  }, "identity's outbox to be relayed");
}

function known<T>(section: RunningSubgraphProcess, table: string, businessId: string) {
  return sql<T>(forkFor(section.orm, null), `select * from "${section.orm.config.get("schema")}"."${table}" where business_id = ?`, [
    businessId,
  ]);
}

/** How long a catch-up may take: it answers every business of the installation, in a suite's shared database hundreds. */
const CATCH_UP_MS = 90_000;

describe("a section's identity projection catches up with identity by itself", () => {
  let identity: RunningSubgraphProcess;
  let section: RunningSubgraphProcess | undefined;
  const name = `section_${randomUUID().replace(/-/g, "").slice(0, 10)}`;
  let tenant: Tenant;
  let other: Tenant;
  let ada: { id: string; email: string };
  let bo: { id: string; email: string };
  let patId: string;

  beforeAll(async () => {
    identity = await startIdentity();
    tenant = await createTenant(identity, "early");
    other = await createTenant(identity, "early-other");
    ada = await createContact(identity, tenant, { name: "Ada Lovelace" });
    bo = await createContact(identity, tenant, { name: "Bo Brightside", dnd: true });
    const { data } = await gql(identity, tenant.staff, INVITE_STAFF, {
      input: { name: "Pat Partner", email: `${unique("pat")}@team.test`, role: "STAFF" },
    });
    patId = data.inviteStaff.staff.id;
    await relayed(identity, tenant.businessId);
    await relayed(identity, other.businessId);
    section = await startNewSection(name);
  });
  afterAll(async () => {
    await section?.stop();
    await identity?.stop();
  });

  it("finds every business, contact and team member identity published before it first started", {
    timeout: CATCH_UP_MS + 10_000,
  }, async () => {
    const running = section!;
    const contacts = await eventually(
      async () => {
        const rows = await known<{ contact_id: string; name: string; first_name: string; dnd: boolean; access_status: string }>(
          running,
          "known_contact",
          tenant.businessId,
        );
        return rows.length === 2 && rows;
      },
      "both contacts",
      CATCH_UP_MS,
    );
    expect(contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contact_id: ada.id, name: "Ada Lovelace", first_name: "Ada", dnd: false, access_status: "NONE" }),
        expect.objectContaining({ contact_id: bo.id, name: "Bo Brightside", dnd: true }),
      ]),
    );
    const staff = await eventually(
      async () => {
        const rows = await known<{ staff_id: string; role: string; removed: boolean }>(running, "known_staff", tenant.businessId);
        return rows.length === 2 && rows;
      },
      "the owner and Pat",
      CATCH_UP_MS,
    );
    expect(staff.map(({ staff_id, role, removed }) => ({ staff_id, role, removed }))).toEqual(
      expect.arrayContaining([
        { staff_id: tenant.ownerId, role: "OWNER", removed: false },
        { staff_id: patId, role: "STAFF", removed: false },
      ]),
    );
    for (const business of [tenant, other]) {
      const [row] = await eventually(
        async () => {
          const rows = await known<{ slug: string; portal_url: string }>(running, "known_business", business.businessId);
          return rows.length > 0 && rows; // an empty list is not yet the business
        },
        "the business",
        CATCH_UP_MS,
      );
      expect(row).toMatchObject({ slug: business.slug, portal_url: expect.stringContaining(business.slug) });
    }
    const otherStaff = await eventually(
      async () => {
        const rows = await known(running, "known_staff", other.businessId);
        return rows.length > 0 && rows;
      },
      "the other business's owner",
      CATCH_UP_MS,
    );
    expect(otherStaff).toHaveLength(1);
  });

  it("then follows identity's events, and an older snapshot never takes a copy back", async () => {
    const running = section!;
    await gql(identity, tenant.staff, UPDATE_CONTACT, {
      id: ada.id,
      input: { name: "Ada King", email: ada.email, phone: null, dnd: false },
    });
    await eventually(async () => {
      const rows = await known<{ contact_id: string; name: string }>(running, "known_contact", tenant.businessId);
      return rows.some((row) => row.contact_id === ada.id && row.name === "Ada King");
    }, "Ada's new name");

    const em = forkFor(running.orm, tenant.businessId);
    const stale = { id: ada.id, name: "Ada Lovelace", firstName: "Ada", email: ada.email, dnd: false, accessStatus: "NONE" as const };
    await saveContactSnapshot(em, tenant.businessId, stale, new Date(Date.now() - 60_000));
    const rows = await known<{ contact_id: string; name: string }>(running, "known_contact", tenant.businessId);
    expect(rows.find((row) => row.contact_id === ada.id)?.name).toBe("Ada King");
  });

  it("flags a team member it missed the removal of, on the next catch-up, and keeps their row", {
    timeout: CATCH_UP_MS + 10_000,
  }, async () => {
    const running = section!;
    const gone = randomUUID(); // as if removed from identity while this copy missed the event
    await sql(
      forkFor(running.orm, null),
      `insert into "${name}".known_staff (staff_id, business_id, name, email, role, removed, updated_at) values (?, ?, 'Gone Member', 'gone@team.test', 'STAFF', false, now() - interval '1 hour')`,
      [gone, tenant.businessId],
    );
    await requestIdentitySnapshot(running.boss, snapshotAnswerQueue(name));
    await eventually(
      async () => {
        const rows = await known<{ staff_id: string; removed: boolean }>(running, "known_staff", tenant.businessId);
        return rows.some((row) => row.staff_id === gone && row.removed);
      },
      "the missed removal to be flagged",
      CATCH_UP_MS,
    );
    const current = await known<{ staff_id: string; removed: boolean }>(running, "known_staff", tenant.businessId);
    expect(current.filter((row) => !row.removed).map((row) => row.staff_id)).toEqual(expect.arrayContaining([tenant.ownerId, patId]));
  });
});
