import "reflect-metadata";
import { Filter, IsolationLevel, MikroORM, type EntityManager, type Options, type PostgreSqlConnection } from "@mikro-orm/postgresql";
import type { Migration } from "@mikro-orm/migrations";
import { Migrator } from "@mikro-orm/migrations";
import { DEFAULT_POOLS } from "./config.js";
import { sharePipelinedReads, type TypeParsers } from "./pipelined-reads.js";

export type { EntityManager };

/**
 * Tenant isolation lives here, once: every tenant-owned entity carries `businessId` and this filter,
 * which is on by default. A fork without the `tenant` parameter throws instead of reading across
 * tenants, so forgetting to scope a query fails loudly.
 */
export const TENANT_FILTER = "tenant";
export function TenantScoped() {
  return Filter({ name: TENANT_FILTER, cond: (args: { businessId: string }) => ({ businessId: args.businessId }), default: true });
}

export interface OrmOptions {
  databaseUrl: string;
  /** PostgreSQL schema owned by this subgraph. */
  schema: string;
  entities: Options["entities"];
  migrations: { name: string; class: new (...args: never[]) => Migration }[];
  debug?: boolean;
  poolMax?: number;
}

export async function createOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init({
    clientUrl: options.databaseUrl,
    schema: options.schema,
    entities: options.entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      tableName: "mikro_orm_migrations",
      migrationsList: options.migrations as never,
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    // knex marks a pooled connection dead when PostgreSQL cuts it (a restart) and replaces it on the
    // next acquire (its validation), so the pool recovers by itself once the database is back.
    pool: { min: 0, max: options.poolMax ?? DEFAULT_POOLS.queries },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  });
  // Hot reads outside transactions go through the process's pipelined connections, parsed as this ORM's raw reads are.
  const { types } = (orm.em.getConnection() as PostgreSqlConnection).getConnectionOptions() as { types: TypeParsers };
  sharePipelinedReads(orm, options.databaseUrl, types);
  return orm;
}

/** Creates the subgraph's schema if needed and applies its checked-in migrations; returns the names of those it applied. */
export async function migrate(orm: MikroORM, schema: string): Promise<string[]> {
  await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  return (await orm.getMigrator().up()).map((migration) => migration.name);
}

/** A request-scoped EntityManager, scoped to one business (or none, for platform-level work). */
export function forkFor(orm: MikroORM, businessId: string | null): EntityManager {
  const em = orm.em.fork({ clear: true, useContext: false });
  if (businessId) em.setFilterParams(TENANT_FILTER, { businessId });
  return em as EntityManager;
}

/**
 * Runs several reads against one snapshot of the database (a read-only repeatable-read transaction
 * with an empty identity map), so rows written meanwhile by other work (an event handler, a job) are
 * seen by all of the reads or by none.
 */
export function readSnapshot<T>(em: EntityManager, read: (snapshot: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional((tx) => read(tx as EntityManager), {
    isolationLevel: IsolationLevel.REPEATABLE_READ,
    readOnly: true,
    clear: true,
  });
}

/** Runs raw SQL on the EntityManager's current transaction when there is one. */
export async function sql<T = Record<string, unknown>>(em: EntityManager, query: string, params: unknown[] = []): Promise<T[]> {
  return em.getConnection().execute(query, params, "all", em.getTransactionContext()) as Promise<T[]>;
}
