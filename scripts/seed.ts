import { migrateSubgraph, openOrm } from "@portal/kit";
import { SUBGRAPHS } from "./subgraphs.js";

const DEFAULT_SLUG = process.env.DEFAULT_BUSINESS_SLUG ?? "brightside";

/**
 * Applies every subgraph's migrations and creates the demo business on first run. Returns whether
 * demo data was created. The demo goes through identity's own services, so its events reach the
 * other subgraphs like any other change.
 */
export async function seedDemo(options: { databaseUrl: string; portalSecret: string; operatorEmail: string }): Promise<boolean> {
  let created = false;
  const newSubgraphs: string[] = [];
  for (const entry of SUBGRAPHS) {
    const definition = await entry.define(options.portalSecret);
    const orm = await openOrm(definition, options.databaseUrl);
    try {
      const [{ present }] = await orm.em.getConnection().execute<{ present: boolean }[]>(`select exists(select 1 from information_schema.schemata where schema_name = ?) as present`, [definition.schema]);
      if (!present) newSubgraphs.push(entry.name);
      await migrateSubgraph(definition, orm, options.databaseUrl);
      if (entry.name === "identity") {
        const { seedDemoData } = await import("@portal/identity");
        created = await seedDemoData(orm, { operatorEmail: options.operatorEmail, portalSecret: options.portalSecret });
      }
    } finally {
      await orm.close();
    }
  }
  // A subgraph added to an existing installation missed identity's earlier events: send today's
  // snapshots again (its consumers are subscribed before identity starts relaying them).
  if (!created && newSubgraphs.length && !newSubgraphs.includes("identity")) await resync(options);
  return created;
}

/** Republishes identity's business, contact and staff snapshots; `npm run resync` for an existing database. */
export async function resync(options: { databaseUrl: string; portalSecret: string }): Promise<void> {
  const identity = SUBGRAPHS.find((entry) => entry.name === "identity")!;
  const orm = await openOrm(await identity.define(options.portalSecret), options.databaseUrl);
  try {
    const { republishSnapshots } = await import("@portal/identity");
    // Same portal addresses as development requests use: localhost for the default business, <slug>.localhost otherwise.
    const counts = await republishSnapshots(orm, (business) => (business.slug === DEFAULT_SLUG ? "http://localhost:4000" : `http://${business.slug}.localhost:4000`));
    console.log(`Republished identity snapshots: ${counts.businesses} businesses, ${counts.contacts} contacts, ${counts.staff} staff.`);
  } finally {
    await orm.close();
  }
}
