import { buildWebForTests } from "../../scripts/web-build.js";
import { ensureTestDatabase } from "./database.js";

/**
 * Provides a real PostgreSQL for the suite: DATABASE_URL when set, else the local server on
 * 127.0.0.1:5432 when it answers, else an embedded one started for this run.
 */
export default async function setup({ provide }: { provide: (key: string, value: unknown) => void }) {
  // The browser tests drive the built app, served by the gateway. SKIP_WEB_BUILD=true skips the build
  // (server tests only, e.g. while the web app is mid-edit).
  if (process.env.SKIP_WEB_BUILD !== "true") buildWebForTests();
  const { url, stop } = await ensureTestDatabase();
  process.env.TEST_DATABASE_URL = url;
  provide("databaseUrl", url);
  return stop;
}
