import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { forkFor, KnownBusiness, KnownContact, TEST_SECRET, migrationFromOldTables } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAutomationSubgraph } from "../src/index.js";

/** Automation's migrations before the identity projection. */
const BEFORE = ["Migration20250601000000Initial", "Migration20261124100000ContactsAndAttachments", "Migration20261201100000EmailReference"];

describe("automation's move to the identity projection", () => {
  const definition = createAutomationSubgraph({
    portalSecret: TEST_SECRET,
    production: false,
    mail: { fromAddress: "portal@example.test" },
  });
  const migration = migrationFromOldTables(inject("databaseUrl" as never) as string, definition, BEFORE);

  beforeAll(migration.create);
  afterAll(migration.drop);

  it("keeps every business and contact automation knew, with their values and times, in the new tables, and drops the old ones", async () => {
    const old = await migration.before();
    const businessId = randomUUID();
    const [ada, bo] = [randomUUID(), randomUUID()];
    const businessAt = new Date("2026-11-30T10:00:00.000Z");
    const [adaAt, boAt] = [new Date("2026-12-01T08:15:00.000Z"), new Date("2026-12-02T17:45:30.000Z")];
    const connection = old.em.getConnection();
    await connection.execute(
      `insert into automation.business_profile
         (business_id, slug, name, display_name, logo_url, primary_color, accent_color, portal_url, updated_at)
       values (?, 'brightside', 'Brightside Studio Ltd', 'Brightside Studio', 'https://cdn.test/logo.png', '#123456', '#abcdef',
               'http://brightside.localhost:4000', ?)`,
      [businessId, businessAt],
    );
    await connection.execute(
      `insert into automation.contact_profile (contact_id, business_id, name, first_name, email, dnd, access_status, updated_at)
       values (?, ?, 'Ada Lovelace', 'Ada', 'ada@client.test', false, 'ACTIVE', ?),
              (?, ?, 'Bo', 'Bo', 'bo@client.test', true, 'INVITED', ?)`,
      [ada, businessId, adaAt, bo, businessId, boAt],
    );

    const orm = await migration.after();
    const em = forkFor(orm, businessId);
    expect(await em.find(KnownBusiness, {})).toEqual([
      {
        businessId,
        slug: "brightside",
        name: "Brightside Studio Ltd",
        displayName: "Brightside Studio",
        logoUrl: "https://cdn.test/logo.png",
        primaryColor: "#123456",
        accentColor: "#abcdef",
        portalUrl: "http://brightside.localhost:4000",
        updatedAt: businessAt,
      },
    ]);
    expect(await em.find(KnownContact, {}, { orderBy: { name: "asc" } })).toEqual([
      {
        contactId: ada,
        businessId,
        name: "Ada Lovelace",
        firstName: "Ada",
        email: "ada@client.test",
        dnd: false,
        accessStatus: "ACTIVE",
        updatedAt: adaAt,
      },
      {
        contactId: bo,
        businessId,
        name: "Bo",
        firstName: "Bo",
        email: "bo@client.test",
        dnd: true,
        accessStatus: "INVITED",
        updatedAt: boAt,
      },
    ]);
    const rows = (query: string) => orm.em.getConnection().execute(query);
    expect(
      await rows(`select table_name from information_schema.tables where table_schema = 'automation' and table_name like '%_profile'`),
    ).toEqual([]);
  });
});
