import PgBoss from "pg-boss";

/** One pg-boss instance per process; jobs live in the `pgboss` schema of the same database. */
export async function startJobs(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", max: 4, supervise: true, schedule: false, migrate: true });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  return boss;
}
