import PgBoss from "pg-boss";

/** One pg-boss instance per process; jobs live in the `pgboss` schema of the same database. */
export async function startJobs(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", max: 4, supervise: true, schedule: false, migrate: true });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  return boss;
}

/**
 * `boss.createQueue`, safe when several processes create the same new queue at once (pg-boss
 * inserts the queue row, then alters the shared tables while the other insert waits on that row:
 * PostgreSQL picks one as the deadlock victim). The victim retries and finds the queue made.
 */
export async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, { ...options, name });
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
