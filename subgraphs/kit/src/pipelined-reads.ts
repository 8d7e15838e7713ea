import type { Configuration, MikroORM } from "@mikro-orm/postgresql";
import { SpanKind } from "@opentelemetry/api";
import postgres from "postgres";
import { inChildSpan } from "./tracing/child-span.js";
import { sqlWithoutValues } from "./tracing/sql-text.js";

/**
 * The connections the hot reads (`runPrepared` outside a transaction) go through: postgres.js, which
 * pipelines. Statements issued in the same moment (the dashboard's six section summaries, answered
 * by the subgraphs of one process as one batch) leave in one socket write on one connection and come
 * back in one read, instead of one write, one wake-up of a PostgreSQL backend and one read each on
 * as many pooled connections as node-postgres needs. Measured on this machine: six statements cost
 * about 85 µs of Node.js CPU each through node-postgres, about 15 µs pipelined
 * (docs/performance.md, "Pipelined reads").
 *
 * One set of connections per database for the whole process, shared by every subgraph in it (each
 * statement names its schema), opened on first use and ended when the last ORM using it closes.
 *
 * One connection: postgres.js gives a statement an idle connection when it has one, so with two the
 * dashboard's statements split across both (two writes, two backends woken); with one they always
 * travel together (dashboard 410 → 480 req/s, p99 115 → 84 ms). One backend answers every hot read
 * of the process, about 0.1 ms each; these reads are small by design, and anything else keeps the pool.
 */
const READ_CONNECTIONS = 1;

interface SharedReads {
  sql: postgres.Sql;
  users: number;
}

const byDatabase = new Map<string, SharedReads>();
const byOrm = new WeakMap<Configuration, { sql: postgres.Sql; parserOf: ParserOf }>();

type ParserOf = (column: { type: number }) => (raw: string) => unknown;

/** A driver's type parsers by oid (node-postgres's `TypeOverrides`). */
export interface TypeParsers {
  getTypeParser(oid: number, format: "text"): (raw: string) => unknown;
}

/**
 * Lets `orm`'s prepared reads go through the process's pipelined connections to `databaseUrl`, parsed
 * as the ORM's own raw reads are parsed (`typeParsers`: its driver's type overrides, which keep dates
 * as text), and releases them when the ORM closes.
 */
export function sharePipelinedReads(orm: MikroORM, databaseUrl: string, typeParsers: TypeParsers): void {
  let shared = byDatabase.get(databaseUrl);
  if (!shared) {
    shared = {
      sql: postgres(databaseUrl, {
        max: READ_CONNECTIONS,
        prepare: true,
        idle_timeout: 60,
        onnotice: () => undefined,
        connection: { application_name: "portal-reads" },
      }),
      users: 0,
    };
    byDatabase.set(databaseUrl, shared);
  }
  shared.users += 1;
  const parsers = new Map<number, (raw: string) => unknown>();
  const parserOf: ParserOf = (column) => {
    let parse = parsers.get(column.type);
    if (!parse) {
      parse = typeParsers.getTypeParser(column.type, "text");
      parsers.set(column.type, parse);
    }
    return parse;
  };
  byOrm.set(orm.config, { sql: shared.sql, parserOf });
  const close = orm.close.bind(orm);
  let released = false;
  orm.close = async (force?: boolean) => {
    if (!released) {
      released = true;
      byOrm.delete(orm.config);
      await releaseReads(databaseUrl);
    }
    return close(force);
  };
}

async function releaseReads(databaseUrl: string): Promise<void> {
  const shared = byDatabase.get(databaseUrl);
  if (!shared) return;
  shared.users -= 1;
  if (shared.users > 0) return;
  byDatabase.delete(databaseUrl);
  await shared.sql.end({ timeout: 5 });
}

/** Runs `text` with `values` on the pipelined connections of the ORM `config` belongs to; undefined when it has none. */
export function pipelinedRead<T>(config: Configuration, text: string, values: readonly unknown[]): Promise<T[]> | undefined {
  const reads = byOrm.get(config);
  if (!reads) return undefined;
  // node-postgres's statements get their spans from its instrumentation; these get the same (the
  // statement's shape, never its values), for a traced request only.
  const span = () => ({
    kind: SpanKind.CLIENT,
    attributes: { "db.system.name": "postgresql", "db.system": "postgresql", "db.query.text": sqlWithoutValues(text) },
  });
  return inChildSpan(
    "pg.query:pipelined",
    span,
    () =>
      reads.sql.unsafe(text, values as postgres.ParameterOrJSON<never>[], { prepare: true }).parsers(reads.parserOf) as unknown as Promise<
        T[]
      >,
  );
}
