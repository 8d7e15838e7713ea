import PgBoss from "pg-boss";
import { DEFAULT_POOLS } from "./config.js";
import type { EntityManager } from "./db.js";
import { LiveBus } from "./live.js";
import { logOf } from "./observability/logger.js";
import { installJobAnnouncements, Wakeups, WORKER_POLL_MS, wakeupsOf } from "./wakeups.js";

const BOSS_SCHEMA = "pgboss";

/**
 * One pg-boss instance per process; jobs live in the `pgboss` schema of the same database.
 * pg-boss reports trouble as `error` events (an EventEmitter without a listener would throw them and
 * end the process): a pooled connection cut by a database restart, a worker's poll that failed. Its
 * pool replaces dead connections and its workers keep polling, so work resumes by itself once the
 * database is back; the listener only reports.
 *
 * Workers are woken when a job is written (`wakeups.ts`), over `notifications` (the process's
 * LiveBus, so no connection of its own) or else a LISTEN connection opened here and closed when
 * the instance stops. Should the announcements be impossible to set up, workers poll as pg-boss does.
 */
export async function startJobs(databaseUrl: string, poolMax = DEFAULT_POOLS.jobs, notifications?: LiveBus): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: BOSS_SCHEMA,
    max: poolMax,
    supervise: true,
    schedule: false,
    migrate: true,
  });
  boss.on("error", quietErrorLog("jobs"));
  await boss.start();
  try {
    await installJobAnnouncements(boss, BOSS_SCHEMA);
  } catch (error) {
    logOf("jobs").warn(`workers will poll: jobs cannot be announced (${error instanceof Error ? error.message : error})`);
    return boss;
  }
  const bus = notifications ?? new LiveBus(databaseUrl);
  if (!notifications) await bus.start();
  const wakeups = await Wakeups.attach(boss, BOSS_SCHEMA, bus);
  boss.once("stopped", () => {
    wakeups.stop();
    if (!notifications) void bus.stop();
  });
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
      // pg-boss creates a queue's partition and indexes; processes starting together (every
      // subgraph of a deployment at once, each with dozens of queues) can deadlock each other there.
      // Retry with a jittered, growing wait (at most about a second) so they fall out of step;
      // thirty tries span about 20 s.
      if ((error as { code?: string }).code !== "40P01" || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(800, 50 * attempt) + Math.random() * 200));
    }
  }
}

/**
 * During a database outage every worker fails on each poll; one line per distinct problem every
 * 30 s says what is wrong without flooding the log.
 */
function quietErrorLog(component: string, quietMs = 30_000): (error: Error) => void {
  const lastLogged = new Map<string, number>();
  return (error) => {
    const problem = String(error?.message ?? error).replace(/ \(Queue: .*\)$/, ""); // pg-boss names the worker
    const now = Date.now();
    if (now - (lastLogged.get(problem) ?? -Infinity) < quietMs) return;
    lastLogged.set(problem, now);
    logOf(component).error(problem);
  };
}

interface PgConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * A pg-boss `db` that runs on the EntityManager's open transaction, so a job is enqueued by the
 * same commit as the rows that describe it (and rolled back with them). pg-boss's SQL uses `$n`
 * parameters, so it goes straight to the transaction's pg connection rather than through knex.
 */
export function jobDbFor(em: EntityManager): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
  const transaction = em.getTransactionContext() as { client?: { acquireConnection(): Promise<PgConnection> } } | undefined;
  if (!transaction?.client) throw new Error("jobDbFor needs an EntityManager inside a transaction");
  const client = transaction.client;
  return {
    async executeSql(text, values) {
      // Inside a knex transaction this returns the transaction's own connection.
      const connection = await client.acquireConnection();
      return connection.query(text, values);
    },
  };
}

/**
 * `boss.work` that drains a backlog at full speed. pg-boss waits its polling interval after every
 * fetch, even one that found jobs, so a queue worked one job at a time moves at two jobs a second
 * (a thousand contacts imported would take eight minutes to reach each copy of them). After a batch
 * this worker is told to fetch again at once; it waits the interval only when the queue was empty.
 *
 * On a `startJobs` instance the worker is woken as soon as a job is written to its queue (or falls
 * due: a retry, a job kept for later), and by the process's sweep of due jobs every few seconds, so
 * it needs no fast polling: `pollingIntervalSeconds` is then only how often it looks on its own, at
 * least every `WORKER_POLL_MS`.
 */
export async function workQueue<T>(
  boss: PgBoss,
  queue: string,
  options: PgBoss.WorkOptions & { includeMetadata: true },
  handler: PgBoss.WorkWithMetadataHandler<T>,
): Promise<string> {
  const wakeups = wakeupsOf(boss);
  const polling = wakeups ? { pollingIntervalSeconds: Math.max(options.pollingIntervalSeconds ?? 0, WORKER_POLL_MS / 1000) } : {};
  let workerId: string | undefined;
  workerId = await boss.work<T>(queue, { ...options, ...polling, includeMetadata: true }, async (jobs) => {
    try {
      return await handler(jobs);
    } finally {
      if (workerId && jobs.length > 0) boss.notifyWorker(workerId);
    }
  });
  wakeups?.watchQueue(queue, workerId);
  return workerId;
}
