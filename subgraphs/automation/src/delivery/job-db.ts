import type { EntityManager } from "@portal/kit";

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
