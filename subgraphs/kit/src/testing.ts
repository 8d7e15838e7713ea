import type { Caller } from "./caller.js";
import { signCaller } from "./caller.js";
import type { RuntimeConfig } from "./runtime.js";

/** Helpers for subgraph tests: a runtime on a random port and signed GraphQL calls. */
export const TEST_SECRET = "test-secret-0123456789-0123456789-abcdef";

export function testRuntime(databaseUrl: string): RuntimeConfig {
  return { databaseUrl, gatewaySecret: TEST_SECRET, port: 0, production: false };
}

export function makeCaller(partial: Partial<Caller> & Pick<Caller, "actor">): Caller {
  return { businessId: null, ip: "127.0.0.1", userAgent: "vitest", origin: "http://portal.test", issuedAt: Date.now(), ...partial };
}

export interface GraphQLResponse<D = any> {
  data?: D;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  headers: Headers;
  status: number;
}

/** Posts an operation to a subgraph as the gateway would, signed for `caller`. */
export async function callSubgraph<D = any>(url: string, caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<D>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signCaller(TEST_SECRET, { ...caller, issuedAt: Date.now() }) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: D; errors?: GraphQLResponse["errors"] };
  return { ...json, headers: response.headers, status: response.status };
}
