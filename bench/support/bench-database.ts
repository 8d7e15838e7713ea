import { scratchDatabase, type ScratchDatabase } from "../../scripts/scratch-database.js";

/**
 * A database of the benchmarks' own, never the test database, which a test run may be using; named
 * after this process, so two benchmarks running at once never drop each other's.
 */
export function benchDatabase(): Promise<ScratchDatabase> {
  return scratchDatabase({ name: `client_portal_bench_${process.pid}`, embeddedDataDir: ".data/bench-postgres", embeddedPort: 54328 });
}
