import "reflect-metadata";
import { commonEnv, migrateSubgraph, openOrm, readConfig } from "@portal/kit";
import { SUBGRAPHS } from "./subgraphs.js";

/**
 * Applies every subgraph's migrations, then exits: the release step for operators who migrate
 * before rolling out (`docker run IMAGE migrate`, the Compose `migrate` service, the Kubernetes
 * migrate Job). Subgraphs still migrate at start, under the same advisory lock per schema, and then
 * find nothing left to apply. Needs only DATABASE_URL.
 */
const { DATABASE_URL: databaseUrl } = readConfig({ DATABASE_URL: commonEnv.DATABASE_URL });
// The definitions' other options don't touch the schema: any secret of the right length will do.
const SCHEMA_ONLY_SECRET = "schema-only".padEnd(32, "-");

for (const entry of SUBGRAPHS) {
  const definition = await entry.define(SCHEMA_ONLY_SECRET);
  const orm = await openOrm(definition, databaseUrl, 1);
  try {
    const applied = await migrateSubgraph(definition, orm, databaseUrl);
    console.log(`[migrate] ${entry.name}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  } finally {
    await orm.close();
  }
}
