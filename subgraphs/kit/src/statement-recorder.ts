import { AsyncLocalStorage } from "node:async_hooks";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { Server } from "node:http";
import pg from "pg";
import { PART_START_CHANNEL } from "./colocation.js";

/**
 * For tests: the SQL statements a server sends to PostgreSQL while it answers HTTP requests (not
 * its background work, but with the parts of batches other servers of this process pass it), whichever way they go (the ORM, knex, a prepared statement straight to the
 * driver), counted where they pass: node-postgres's `Client.query`, and the kit's pipelined reads.
 */
export interface StatementRecorder {
  /** The text of each statement, in the order sent. */
  readonly statements: string[];
  stop(): void;
}

/** A recorder's statements, and whether it still records (an async context may outlive `stop`). */
const recording = new AsyncLocalStorage<{ statements: string[]; active: boolean }>();
let driverWrapped = false;

/** Counts a statement sent another way than node-postgres's `Client.query` (the kit's pipelined reads). */
export function noteStatementSent(text: string): void {
  const store = recording.getStore();
  if (store?.active) store.statements.push(text);
}

function wrapDriver(): void {
  if (driverWrapped) return;
  driverWrapped = true;
  const send = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function recordedQuery(this: pg.Client, ...args: unknown[]) {
    const query = args[0] as string | { text?: string } | undefined;
    noteStatementSent(typeof query === "string" ? query : (query?.text ?? ""));
    return send.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export function recordStatements(server: Server): StatementRecorder {
  wrapDriver();
  const store = { statements: [] as string[], active: true };
  const onRequest = (message: unknown) => {
    if ((message as { server?: Server }).server === server) recording.enterWith(store);
  };
  subscribe("http.server.request.start", onRequest);
  subscribe(PART_START_CHANNEL, onRequest); // a part of a batch another server of this process received
  return {
    statements: store.statements,
    stop: () => {
      store.active = false;
      unsubscribe("http.server.request.start", onRequest);
      unsubscribe(PART_START_CHANNEL, onRequest);
    },
  };
}
