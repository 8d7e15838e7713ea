import type { MikroORM } from "@mikro-orm/postgresql";
import type { GraphQLSchema } from "graphql";
import type PgBoss from "pg-boss";
import { createOrm, migrate, type OrmOptions } from "./db.js";
import { startJobs } from "./jobs.js";
import { LiveBus } from "./live.js";
import { startOutboxRelay, type EventRetryPolicy } from "./outbox.js";
import { startSubgraphServer, type FileHandler, type InternalHandler, type RunningSubgraph, type WebhookHandler } from "./server.js";

/** Settings every subgraph process needs; subgraph-specific settings go to its own factory. */
export interface RuntimeConfig {
  databaseUrl: string;
  gatewaySecret: string;
  port: number;
  production: boolean;
  /** How often event consumers retry a failing event before keeping it as a dead letter (default about 17 minutes). */
  eventRetry?: EventRetryPolicy;
  /**
   * Most PostgreSQL connections this subgraph's pools open (default `DEFAULT_POOLS`: 10 for queries, 4 for jobs;
   * DATABASE_POOL_MAX / JOBS_POOL_MAX in a subgraph's environment).
   * Tests start many subgraphs against one server, whose `max_connections` is shared by all of them.
   */
  connections?: { queries: number; jobs: number };
}

/** Long-lived services a subgraph's schema and workers are built on. */
export interface SubgraphDeps {
  orm: MikroORM;
  boss: PgBoss;
  live: LiveBus;
  runtime: RuntimeConfig;
}

/** The one shape every subgraph package exports, so they start, migrate and test the same way. */
export interface SubgraphDefinition {
  name: string;
  /** PostgreSQL schema the subgraph owns. */
  schema: string;
  entities: OrmOptions["entities"];
  migrations: OrmOptions["migrations"];
  buildSchema: (deps: SubgraphDeps) => Promise<GraphQLSchema>;
  internal?: (deps: SubgraphDeps) => Record<string, InternalHandler>;
  /** Unsigned third-party callbacks at `POST /webhooks/<name>`; each verifies its sender itself. */
  webhooks?: (deps: SubgraphDeps) => Record<string, WebhookHandler>;
  /** Signed downloads at `GET /files/<name>/...`, relayed by the gateway from `/files/<subgraph>/<name>/...`. */
  files?: (deps: SubgraphDeps) => Record<string, FileHandler>;
  /** Largest upload its file handlers take (default the kit's MAX_UPLOAD_BYTES, 10 MB). */
  maxUploadBytes?: number;
  /** Event consumers and scheduled jobs. */
  startWorkers?: (deps: SubgraphDeps) => Promise<void>;
}

export interface RunningSubgraphProcess extends RunningSubgraph, SubgraphDeps {}

export async function openOrm(definition: SubgraphDefinition, databaseUrl: string, poolMax?: number): Promise<MikroORM> {
  return createOrm({ databaseUrl, schema: definition.schema, entities: definition.entities, migrations: definition.migrations, poolMax });
}

/**
 * Applies the subgraph's migrations under an advisory lock so instances starting together don't race;
 * returns the names of those it applied (none when another instance got there first).
 */
export async function migrateSubgraph(definition: SubgraphDefinition, orm: MikroORM, databaseUrl: string): Promise<string[]> {
  return withMigrationLock(databaseUrl, definition.schema, () => migrate(orm, definition.schema));
}

export async function runSubgraph(definition: SubgraphDefinition, runtime: RuntimeConfig): Promise<RunningSubgraphProcess> {
  const orm = await openOrm(definition, runtime.databaseUrl, runtime.connections?.queries);
  await migrateSubgraph(definition, orm, runtime.databaseUrl);
  const live = new LiveBus(runtime.databaseUrl);
  await live.start();
  const boss = await startJobs(runtime.databaseUrl, runtime.connections?.jobs, live); // woken over the LiveBus connection
  const deps: SubgraphDeps = { orm, boss, live, runtime };
  const relay = startOutboxRelay(orm, boss, definition.schema);
  await definition.startWorkers?.(deps);
  const server = await startSubgraphServer({
    name: definition.name,
    schema: await definition.buildSchema(deps),
    orm,
    gatewaySecret: runtime.gatewaySecret,
    port: runtime.port,
    production: runtime.production,
    internal: definition.internal?.(deps),
    webhooks: definition.webhooks?.(deps),
    files: definition.files?.(deps),
    maxUploadBytes: definition.maxUploadBytes,
  });
  return {
    ...deps,
    ...server,
    async stop() {
      await server.stop();
      await relay.stop();
      await boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
      await live.stop();
      await orm.close();
    },
  };
}

async function withMigrationLock<T>(databaseUrl: string, schema: string, work: () => Promise<T>): Promise<T> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  // The lock's connection sits idle while migrations run; if the database goes away meanwhile, the
  // migration fails on its own and this must not also throw an unhandled error.
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [`migrate:${schema}`]);
    return await work();
  } finally {
    await client.query("select pg_advisory_unlock(hashtext($1))", [`migrate:${schema}`]).catch(() => undefined);
    await client.end();
  }
}
