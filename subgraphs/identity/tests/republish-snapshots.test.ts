import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { republishSnapshots } from "../src/index.js";
import { createContact, createTenant, startIdentity } from "./helpers.js";

interface Recorded {
  type: string;
  payload: Record<string, any>;
}

/** Events about one business recorded after `since`, oldest first. */
function eventsOf(identity: RunningSubgraphProcess, businessId: string, since: Date) {
  return sql<Recorded>(
    forkFor(identity.orm, null),
    `select type, payload from identity.outbox_event where business_id = ? and created_at > ? order by created_at, id`,
    [businessId, since],
  );
}

describe("republishing identity's snapshots for a subgraph added later", () => {
  let identity: RunningSubgraphProcess;
  beforeAll(async () => {
    identity = await startIdentity();
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("records the current business, every contact and every team member again", async () => {
    const tenant = await createTenant(identity);
    const ada = await createContact(identity, tenant, { name: "Ada Client" });
    const bo = await createContact(identity, tenant, { name: "Bo Client", dnd: true });
    const [{ now }] = await sql<{ now: Date }>(forkFor(identity.orm, null), `select clock_timestamp() as now`);

    // Scoped to this test's business: other tests share the database and watch their own events.
    const counts = await republishSnapshots(
      identity.orm,
      { portalUrlTemplate: "https://{slug}.clients.example", platformUrl: "https://platform.example" },
      { businessId: tenant.businessId },
    );
    expect(counts).toEqual({ businesses: 1, contacts: 2, staff: 1 });

    const events = await eventsOf(identity, tenant.businessId, now);
    const business = events.filter((event) => event.type === "identity.business.updated");
    expect(business.map((event) => event.payload.business)).toEqual([
      expect.objectContaining({ id: tenant.businessId, slug: tenant.slug, portalUrl: `https://${tenant.slug}.clients.example` }),
    ]);
    const contacts = events.filter((event) => event.type === "identity.contact.changed").map((event) => event.payload.contact);
    expect(contacts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: ada.id, name: "Ada Client", dnd: false, accessStatus: "NONE" }),
        expect.objectContaining({ id: bo.id, name: "Bo Client", dnd: true }),
      ]),
    );
    expect(contacts).toHaveLength(2);
    const staff = events.filter((event) => event.type === "identity.staff.changed").map((event) => event.payload.staff);
    expect(staff).toEqual([
      { id: tenant.ownerId, name: "Owner Person", email: `owner@${tenant.slug}.test`, role: "OWNER", removed: false },
    ]);
  });
});
