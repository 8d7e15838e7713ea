import { scratchDatabase, type ScratchDatabase } from "../../scripts/scratch-database.js";

/** One database per run, so two runs on one server (a developer's and CI's) never drop each other's. */
export function ensureTestDatabase(): Promise<ScratchDatabase> {
  return scratchDatabase({ name: `client_portal_test_${process.pid}`, embeddedDataDir: ".data/test-postgres", embeddedPort: 54329 });
}
