import { randomUUID } from "node:crypto";
import { forkFor, KnownBusiness, KnownContact, KnownStaff, TEST_SECRET, migrationFromOldTables } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDocumentsSubgraph } from "../src/index.js";

/** Documents' migrations before the identity projection. */
const BEFORE = ["Migration20261201100000Documents"];

describe("documents' move to the identity projection", () => {
  const definition = createDocumentsSubgraph({ portalSecret: TEST_SECRET, production: false });
  const migration = migrationFromOldTables(inject("databaseUrl" as never) as string, definition, BEFORE);

  beforeAll(migration.create);
  afterAll(migration.drop);

  it("keeps every business, contact and staff member documents knew, in the new tables, and drops the old ones", async () => {
    const old = await migration.before();
    const businessId = randomUUID();
    const [ada, bo] = [randomUUID(), randomUUID()];
    const [owner, leaver] = [randomUUID(), randomUUID()];
    const at = new Date("2026-11-30T10:00:00.000Z");
    const later = new Date("2026-12-02T08:30:00.000Z");
    const connection = old.em.getConnection();
    await connection.execute(
      `insert into documents.business_profile (business_id, display_name, portal_url, updated_at)
       values (?, 'Brightside Studio', 'http://brightside.localhost:4000', ?)`,
      [businessId, at],
    );
    await connection.execute(
      `insert into documents.contact_profile (contact_id, business_id, name, first_name, email, dnd, updated_at)
       values (?, ?, 'Ada Lovelace', 'Ada', 'ada@client.test', false, ?), (?, ?, 'Bo', 'Bo', 'bo@client.test', true, ?)`,
      [ada, businessId, at, bo, businessId, later],
    );
    await connection.execute(
      `insert into documents.staff_profile (staff_id, business_id, name, email, role, removed, updated_at)
       values (?, ?, 'Olivia Owner', 'olivia@brightside.test', 'owner', false, ?), (?, ?, 'Lee Leaver', 'lee@brightside.test', 'staff', true, ?)`,
      [owner, businessId, at, leaver, businessId, later],
    );

    const orm = await migration.after();
    const em = forkFor(orm, businessId);
    expect(await em.find(KnownBusiness, {})).toEqual([
      {
        businessId,
        slug: "",
        name: "Brightside Studio",
        displayName: "Brightside Studio",
        logoUrl: null,
        primaryColor: "#2563eb",
        accentColor: "#f59e0b",
        portalUrl: "http://brightside.localhost:4000",
        updatedAt: at,
      },
    ]);
    const contact = { businessId, accessStatus: "NONE" };
    expect(await em.find(KnownContact, {}, { orderBy: { name: "asc" } })).toEqual([
      { ...contact, contactId: ada, name: "Ada Lovelace", firstName: "Ada", email: "ada@client.test", dnd: false, updatedAt: at },
      { ...contact, contactId: bo, name: "Bo", firstName: "Bo", email: "bo@client.test", dnd: true, updatedAt: later },
    ]);
    expect(await em.find(KnownStaff, {}, { orderBy: { name: "asc" } })).toEqual([
      {
        businessId,
        staffId: leaver,
        name: "Lee Leaver",
        email: "lee@brightside.test",
        role: "STAFF",
        removed: true,
        updatedAt: later,
      },
      {
        businessId,
        staffId: owner,
        name: "Olivia Owner",
        email: "olivia@brightside.test",
        role: "OWNER",
        removed: false,
        updatedAt: at,
      },
    ]);
    const rows = (query: string) => orm.em.getConnection().execute(query);
    expect(
      await rows(`select table_name from information_schema.tables where table_schema = 'documents' and table_name like '%_profile'`),
    ).toEqual([]);
  });
});
