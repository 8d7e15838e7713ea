import pg from "pg";

const LOCAL = "postgres://postgres@127.0.0.1:5432/postgres";

export interface ScratchDatabase {
  url: string;
  /** Drops the database (or stops the embedded server it lives on). */
  stop: () => Promise<void>;
}

/**
 * A fresh, empty database for one run of the tests or the benchmarks: on DATABASE_URL's server,
 * else on PostgreSQL at 127.0.0.1:5432 when it answers, else on an embedded PostgreSQL.
 */
export async function scratchDatabase(options: { name: string; embeddedDataDir: string; embeddedPort: number }): Promise<ScratchDatabase> {
  const server = process.env.DATABASE_URL ?? ((await answers(LOCAL)) ? LOCAL : null);
  if (server) return createFresh(server, options.name);
  const { startEmbeddedPostgres } = await import("./embedded-postgres.js");
  const embedded = await startEmbeddedPostgres({ dataDir: options.embeddedDataDir, port: options.embeddedPort, persistent: false });
  const database = await createFresh(embedded.url, options.name);
  return { url: database.url, stop: embedded.stop };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function admin(serverUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

async function createFresh(serverUrl: string, name: string): Promise<ScratchDatabase> {
  await admin(serverUrl, [`drop database if exists ${name} with (force)`, `create database ${name}`]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop: () => admin(serverUrl, [`drop database if exists ${name} with (force)`]) };
}
