import { startEmbeddedPostgres } from "./embedded-postgres.js";

/**
 * Embedded PostgreSQL as its own process, so that `npm start` can stop it last: Ctrl-C reaches only
 * the start script, which stops the gateway and subgraphs first and then this.
 */
const port = Number(process.env.EMBEDDED_POSTGRES_PORT ?? 54321);
const database = await startEmbeddedPostgres({ dataDir: process.env.EMBEDDED_POSTGRES_DIR ?? ".data/postgres", port, persistent: true });
console.log(`READY ${database.url}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await database.stop().catch((error) => console.error(error));
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
process.on("disconnect", () => void stop());
// The PostgreSQL server is this process's only work: when it ends without being asked to (killed,
// crashed), nothing is left to run. Say so and exit with a failure, so `npm start` restarts both.
process.on("beforeExit", () => {
  if (stopping) return;
  console.error("PostgreSQL stopped unexpectedly");
  process.exit(1);
});
