import { createHash } from "node:crypto";
import type { AbstractSqlConnection } from "@mikro-orm/postgresql";
import type { EntityManager } from "./db.js";
import { pipelinedRead } from "./pipelined-reads.js";
import { noteStatementSent } from "./statement-recorder.js";

/**
 * A read that runs on every request of a hot page (the dashboard's summaries), as a named prepared
 * statement: PostgreSQL parses and plans it once per connection, and the driver sends only its
 * parameters after that. Written with PostgreSQL's own `$1, $2…` parameters, which are sent as
 * values, never formatted into the text.
 *
 * Why not `sql()`: MikroORM formats every raw statement's values into its text and knex runs it
 * through its query runner, so each call builds and escapes SQL in Node.js and PostgreSQL parses and
 * plans it afresh. Measured on one summary (billing's): 120–130 µs of Node.js CPU per call through
 * `sql()`, 55–85 µs prepared, and PostgreSQL answering in a third of the time
 * (docs/performance.md, "Subgraph summaries").
 *
 * A raw statement is not filtered by MikroORM's tenant filter: it must name its business itself.
 */
export interface PreparedStatement {
  /** The name PostgreSQL knows it by on each connection: the key and a hash of the text, so a changed text is a new statement. */
  readonly name: string;
  readonly text: string;
}

/** Declares a statement once, at module level: `key` says what it reads (e.g. "billing_invoice_summary"). */
export function preparedStatement(key: string, text: string): PreparedStatement {
  if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`A prepared statement's key is lower-case letters, digits and _: "${key}"`);
  if (/(^|[^?])\?([^?|&]|$)/.test(text.replace(/'[^']*'/g, "''")))
    throw new Error(`Prepared statement "${key}" uses ? parameters; write $1, $2…`);
  return { name: `${key}_${createHash("sha256").update(text).digest("hex").slice(0, 12)}`, text };
}

interface PgConnection {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
}

/**
 * Runs a prepared statement on the EntityManager's open transaction when there is one (so it sees
 * that transaction's writes), otherwise on the process's pipelined read connection (kit
 * `pipelined-reads.ts`; the pool's only for an ORM made without `createOrm`), and returns its rows
 * parsed by the same type parsers as the ORM's raw reads.
 */
export async function runPrepared<T = Record<string, unknown>>(
  em: EntityManager,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<T[]> {
  const query = { name: statement.name, text: statement.text, values: values as unknown[] };
  const transaction = em.getTransactionContext() as { client?: KnexClient } | undefined;
  try {
    // Inside a knex transaction, acquireConnection answers the transaction's own connection, which stays the transaction's.
    if (transaction?.client) return (await (await transaction.client.acquireConnection()).query(query)).rows as T[];
    const pipelined = pipelinedRead<T>(em.config, statement.text, values);
    if (pipelined) {
      noteStatementSent(statement.text);
      return await pipelined;
    }
    const client = (em.getConnection() as AbstractSqlConnection).getKnex().client as unknown as KnexClient;
    const connection = await client.acquireConnection();
    try {
      return (await connection.query(query)).rows as T[];
    } finally {
      await client.releaseConnection(connection);
    }
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
}
