import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Server } from "node:http";
import pg from "pg";

/**
 * For tests: the SQL statements a server sends to PostgreSQL while it answers HTTP requests (not
 * its background work), whichever way they go (the ORM, knex, a prepared statement straight to the
 * driver), counted where every one of them passes: the driver's `Client.query`.
 */
export interface StatementRecorder {
  /** The text of each statement, in the order sent. */
  readonly statements: string[];
  stop(): void;
}

const recording = new AsyncLocalStorage<string[]>();
let driverWrapped = false;

function wrapDriver(): void {
  if (driverWrapped) return;
  driverWrapped = true;
  const send = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function recordedQuery(this: pg.Client, ...args: unknown[]) {
    const statements = recording.getStore();
    if (statements) {
      const query = args[0] as string | { text?: string } | undefined;
      statements.push(typeof query === "string" ? query : (query?.text ?? ""));
    }
    return send.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export function recordStatements(server: Server): StatementRecorder {
  wrapDriver();
  const statements: string[] = [];
  const onRequest = (message: unknown) => {
    if ((message as { server?: Server }).server === server) recording.enterWith(statements);
  };
  subscribe("http.server.request.start", onRequest);
  return { statements, stop: () => unsubscribe("http.server.request.start", onRequest) };
}
