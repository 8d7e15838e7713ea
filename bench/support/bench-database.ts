import { scratchDatabase, type ScratchDatabase } from "../../scripts/scratch-database.js";

/** A database of the benchmarks' own, never the test database, which a test run may be using. */
export function benchDatabase(): Promise<ScratchDatabase> {
  return scratchDatabase({ name: "client_portal_bench", embeddedDataDir: ".data/bench-postgres", embeddedPort: 54328 });
}
