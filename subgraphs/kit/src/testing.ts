import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Caller, CallerClaims } from "./caller.js";
import { requestTarget, signCaller, signSocketCaller } from "./caller.js";
import type { MikroORM } from "@mikro-orm/postgresql";
import { migrateSubgraph, openOrm, type RuntimeConfig, type SubgraphDefinition } from "./runtime.js";

/** Helpers for subgraph tests: a runtime on a random port and calls signed as the gateway signs them. */
export const TEST_SECRET = "test-secret-0123456789-0123456789-abcdef";

export function testRuntime(databaseUrl: string): RuntimeConfig {
  // Small pools: the suite runs two test files at once, each with up to two platforms of seven
  // subgraphs, against one server's max_connections (100 by default). pg-boss needs one connection
  // at a time (each of its operations is one statement), so one is enough for a test's jobs.
  return { databaseUrl, gatewaySecret: TEST_SECRET, port: 0, production: false, connections: { queries: 3, jobs: 1 } };
}

export function makeCaller(partial: Partial<Caller> & Pick<Caller, "actor">): Caller {
  return { businessId: null, ip: "127.0.0.1", userAgent: "vitest", issuedAt: Date.now(), ...partial };
}

export interface GraphQLResponse<D = any> {
  data?: D;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  headers: Headers;
  status: number;
}

/**
 * `fetch` to a subgraph signed for `caller` as the gateway would: the signature covers this
 * request's method, URL path and body, so the body must be a string or bytes (or absent).
 */
export function signedFetch(
  url: string | URL,
  caller: CallerClaims,
  init: RequestInit & { body?: string | Uint8Array | null } = {},
  secret = TEST_SECRET,
): Promise<Response> {
  const method = init.method ?? "GET";
  const signed = signCaller(secret, caller, { method, path: requestTarget(url), body: init.body });
  return fetch(url, { ...init, method, headers: { ...(init.headers as Record<string, string> | undefined), ...signed } });
}

/** connectionParams for a graphql-ws client talking to a subgraph directly, as the gateway opens them. */
export function socketParams(caller: CallerClaims, secret = TEST_SECRET): Record<string, string> {
  return signSocketCaller(secret, caller);
}

/** Posts an operation to a subgraph as the gateway would, signed for `caller`. */
export async function callSubgraph<D = any>(
  url: string,
  caller: CallerClaims,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<D>> {
  const response = await signedFetch(url, caller, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: D; errors?: GraphQLResponse["errors"] };
  return { ...json, headers: response.headers, status: response.status };
}

/**
 * A database of a test's own on the test server, for what must start empty (a migration from old
 * tables, a first start): `create()` makes it, `drop()` removes it with any connection left open.
 */
export function ownDatabase(serverUrl: string, prefix: string): { url: string; create: () => Promise<void>; drop: () => Promise<void> } {
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  return {
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    create: () => admin(`create database "${name}"`),
    drop: () => admin(`drop database if exists "${name}" with (force)`),
  };
}

/**
 * A migration test from old tables: `before()` opens the subgraph's database as it was with only the
 * migrations named (for the test to fill the old tables), `after()` applies all of them and opens it
 * as it is now. Both on a database of the test's own; `drop()` closes what is open and removes it.
 */
export function migrationFromOldTables(serverUrl: string, definition: SubgraphDefinition, migrationsBefore: readonly string[]) {
  const database = ownDatabase(serverUrl, `${definition.schema}_migration`);
  const old: SubgraphDefinition = { ...definition, migrations: definition.migrations.filter((m) => migrationsBefore.includes(m.name)) };
  const opened: MikroORM[] = [];
  const open = async (version: SubgraphDefinition) => {
    const orm = await openOrm(version, database.url);
    opened.push(orm);
    await migrateSubgraph(version, orm, database.url);
    return orm;
  };
  return {
    create: database.create,
    before: () => open(old),
    after: () => open(definition),
    async drop() {
      for (const orm of opened) await orm.close();
      await database.drop();
    },
  };
}

/**
 * Counts the SQL statements `work` makes for one business (tests and benchmarks that check a page
 * costs the same however long its lists). Only statements bound to `businessId` count: event
 * consumers in the same process handle other tests' events at the same time, and their statements
 * must not be mistaken for the request's.
 */
export async function countStatements(subgraph: { orm: MikroORM }, businessId: string, work: () => Promise<unknown>): Promise<number> {
  const connection = subgraph.orm.em.getDriver().getConnection() as unknown as { execute: (...args: unknown[]) => Promise<unknown> };
  const original = connection.execute;
  let count = 0;
  connection.execute = function (this: unknown, ...args: unknown[]) {
    const params = Array.isArray(args[1]) ? args[1] : [];
    if (params.includes(businessId)) count++;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    connection.execute = original;
  }
  return count;
}
