import { resync } from "./seed.js";

/**
 * `npm run resync`: republishes identity's business, contact and staff snapshots to every consumer,
 * e.g. after adding a subgraph to an existing installation. Needs DATABASE_URL and PORTAL_SECRET; the
 * subgraphs relay and consume the events once they run.
 */
const databaseUrl = process.env.DATABASE_URL;
const portalSecret = process.env.PORTAL_SECRET;
if (!databaseUrl || !portalSecret) {
  console.error("npm run resync needs DATABASE_URL and PORTAL_SECRET in the environment.");
  process.exit(1);
}
await resync({ databaseUrl, portalSecret });
