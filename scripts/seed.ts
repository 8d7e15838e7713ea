import { migrateSubgraph, openOrm } from "@portal/kit";
import { SUBGRAPHS } from "./subgraphs.js";

/**
 * Applies every subgraph's migrations and creates the demo business on first run. Returns whether
 * demo data was created. The demo goes through identity's own services, so its events reach the
 * other subgraphs like any other change.
 */
export async function seedDemo(options: { databaseUrl: string; portalSecret: string; operatorEmail: string }): Promise<boolean> {
  let created = false;
  for (const entry of SUBGRAPHS) {
    const definition = await entry.define(options.portalSecret);
    const orm = await openOrm(definition, options.databaseUrl);
    try {
      await migrateSubgraph(definition, orm, options.databaseUrl);
      if (entry.name === "identity") {
        const { seedDemoData } = await import("@portal/identity");
        created = await seedDemoData(orm, { operatorEmail: options.operatorEmail, portalSecret: options.portalSecret });
      }
    } finally {
      await orm.close();
    }
  }
  return created;
}
