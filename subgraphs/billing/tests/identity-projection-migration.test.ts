import { randomUUID } from "node:crypto";
import { forkFor, KnownBusiness, KnownContact, migrationFromOldTables } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBillingSubgraph } from "../src/index.js";

/** Billing's migrations before the identity projection. */
const BEFORE = ["Migration20261124100000Initial", "Migration20261124200000StripePayments", "Migration20261124300000Profiles"];

describe("billing's move to the identity projection", () => {
  const definition = createBillingSubgraph({ testPayments: true });
  const migration = migrationFromOldTables(inject("databaseUrl" as never) as string, definition, BEFORE);

  beforeAll(migration.create);
  afterAll(migration.drop);

  it("keeps every business and contact billing knew, in the new tables, and drops the old ones", async () => {
    const old = await migration.before();
    const businessId = randomUUID();
    const [ada, bo] = [randomUUID(), randomUUID()];
    const at = new Date("2026-11-30T10:00:00.000Z");
    const connection = old.em.getConnection();
    await connection.execute(
      `insert into billing.business_profile (business_id, display_name, logo_url, primary_color, accent_color, portal_url, updated_at)
       values (?, 'Brightside Studio', 'https://cdn.test/logo.png', '#123456', '#abcdef', 'http://brightside.localhost:4000', ?)`,
      [businessId, at],
    );
    await connection.execute(
      `insert into billing.contact_profile (contact_id, business_id, name, email, updated_at) values (?, ?, 'Ada Lovelace', 'ada@client.test', ?), (?, ?, 'Bo', 'bo@client.test', ?)`,
      [ada, businessId, at, bo, businessId, at],
    );

    const orm = await migration.after();
    const em = forkFor(orm, businessId);
    expect(await em.find(KnownBusiness, {})).toEqual([
      {
        businessId,
        slug: "",
        name: "Brightside Studio",
        displayName: "Brightside Studio",
        logoUrl: "https://cdn.test/logo.png",
        primaryColor: "#123456",
        accentColor: "#abcdef",
        portalUrl: "http://brightside.localhost:4000",
        updatedAt: at,
      },
    ]);
    const contact = { businessId, dnd: false, accessStatus: "NONE", updatedAt: at };
    expect(await em.find(KnownContact, {}, { orderBy: { name: "asc" } })).toEqual([
      { ...contact, contactId: ada, name: "Ada Lovelace", firstName: "Ada", email: "ada@client.test" },
      { ...contact, contactId: bo, name: "Bo", firstName: "Bo", email: "bo@client.test" },
    ]);
    const rows = (query: string) => orm.em.getConnection().execute(query);
    expect(
      await rows(`select table_name from information_schema.tables where table_schema = 'billing' and table_name like '%_profile'`),
    ).toEqual([]);
  });
});
