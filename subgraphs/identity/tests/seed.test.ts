import { randomUUID } from "node:crypto";
import { forkFor, migrateSubgraph, openOrm, sql, TEST_SECRET, unseal } from "@portal/kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createIdentitySubgraph, seedDemoData } from "../src/index.js";
import { identityOptions } from "./helpers.js";

/** The demo seeds only an empty platform, so it gets a database of its own. */
describe("demo data", () => {
  const baseUrl = new URL(inject("databaseUrl" as never) as string);
  const database = `identity_seed_${randomUUID().slice(0, 8)}`;
  const url = Object.assign(new URL(baseUrl), { pathname: `/${database}` }).toString();
  const admin = () => new pg.Client({ connectionString: baseUrl.toString() });

  beforeAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`create database "${database}"`);
    await client.end();
  });
  afterAll(async () => {
    const client = admin();
    await client.connect();
    await client.query(`drop database if exists "${database}" with (force)`);
    await client.end();
  });

  it("creates the branded demo business once, through the services, with their events", async () => {
    const definition = createIdentitySubgraph(identityOptions());
    const orm = await openOrm(definition, url);
    try {
      await migrateSubgraph(definition, orm, url);
      // As `npm start` seeds with GATEWAY_PORT=4321: the demo portal's own address, not localhost.
      const portalUrls = { portalUrlTemplate: "http://{slug}.localhost:4321", platformUrl: "http://localhost:4321" };
      expect(await seedDemoData(orm, { operatorEmail: "operator@portal.test", portalSecret: TEST_SECRET, portalUrls })).toBe(true);
      expect(await seedDemoData(orm, { operatorEmail: "operator@portal.test", portalSecret: TEST_SECRET, portalUrls })).toBe(false);

      const em = forkFor(orm, null);
      const [business] = await sql<any>(em, `select * from identity.business`);
      expect(business).toMatchObject({ slug: "brightside", name: "Brightside Studio", primary_color: "#6d28d9" });
      expect(business.logo_url).toMatch(/^data:image\/svg\+xml/);
      expect(Object.values(business.sections).every(Boolean)).toBe(true);
      const staff = await sql<any>(em, `select name, email, role from identity.staff order by role`);
      expect(staff).toEqual([
        { name: "Olivia Owner", email: "owner@brightside.test", role: "owner" },
        { name: "Sam Staff", email: "sam@brightside.test", role: "staff" },
      ]);
      const contacts = await sql<any>(em, `select access_status, dnd from identity.contact`);
      expect(contacts).toHaveLength(4);
      expect(new Set(contacts.map((c: any) => c.access_status))).toEqual(new Set(["none", "invited", "active"]));
      expect(contacts.some((c: any) => c.dnd)).toBe(true);
      expect(await sql(em, `select 1 from identity.operator where email = 'operator@portal.test'`)).toHaveLength(1);
      const events = await sql<{ type: string }>(em, `select distinct type from identity.outbox_event`);
      expect(events.map((e) => e.type).sort()).toEqual([
        "identity.business.updated",
        "identity.contact.activated",
        "identity.contact.changed",
        "identity.contact.invited",
        "identity.staff.changed",
      ]);
      const invitations = await sql<{ payload: any }>(
        em,
        `select payload from identity.outbox_event where type = 'identity.contact.invited'`,
      );
      expect(invitations.length).toBeGreaterThan(0);
      for (const { payload } of invitations) {
        const link = new URL(unseal(TEST_SECRET, payload.sealedLink));
        expect(`${link.origin}${link.pathname}`).toBe("http://brightside.localhost:4321/auth/confirm");
        expect(payload.business.portalUrl).toBe("http://brightside.localhost:4321");
      }
      const snapshots = await sql<{ portal_url: string }>(
        em,
        `select distinct payload->'business'->>'portalUrl' as portal_url from identity.outbox_event where type = 'identity.business.updated'`,
      );
      expect(snapshots).toEqual([{ portal_url: "http://brightside.localhost:4321" }]);
      const staffEvents = await sql<{ role: string }>(
        em,
        `select payload->'staff'->>'role' as role from identity.outbox_event where type = 'identity.staff.changed' order by role`,
      );
      expect(staffEvents.map((e) => e.role)).toEqual(["OWNER", "STAFF"]);
    } finally {
      await orm.close();
    }
  });
});
