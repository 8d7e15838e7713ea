import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import {
  Kind,
  parse,
  specifiedRules,
  validate,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";
import type { Authenticator } from "./authenticator.js";
import { maxAliasesRule, maxDepthRule, type OperationLimits } from "./operation-limits.js";
import { newPortalRequest, type PortalRequest } from "./portal-auth.js";
import { answeredWithErrors } from "./observability/index.js";
import type { RequestFacts } from "./request-facts.js";

/**
 * What the gateway's direct paths (single-subgraph.ts, planned-query.ts) share: they answer the
 * happy path of a query without the runtime's per-request machinery, with the same document checks,
 * authentication, subgraph signing, timeout and answer headers, and leave everything else to the runtime.
 */

/** A GraphQL request the direct paths may take: a JSON POST with a query text and nothing unusual. */
export interface GraphqlPost {
  query: string;
  operationName?: string;
  variables?: unknown;
}

/** A JSON POST's body, parsed once (null when it is not JSON or not an object: the runtime reads and answers it). */
export function parseJsonPost(req: IncomingMessage, body: Buffer): JsonPost | null {
  if (req.method !== "POST" || !req.headers["content-type"]?.startsWith("application/json")) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString("utf8"));
  } catch {
    return null;
  }
  return payload && typeof payload === "object" && !Array.isArray(payload) ? (payload as JsonPost) : null;
}

/** The fields of a GraphQL JSON body, as sent: anything may be in them. */
export interface JsonPost {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** The parsed body as a request the direct paths may take, or null for the runtime. */
export function readGraphqlPost(req: IncomingMessage, payload: JsonPost | null): GraphqlPost | null {
  if (!payload) return null;
  // A client asking for a stream (text/event-stream, multipart) gets the runtime's own answer.
  const accept = req.headers.accept;
  if (accept && !/application\/json|application\/graphql-response\+json|\*\/\*/.test(accept)) return null;
  if (typeof payload.query !== "string" || !plainExtensions(payload.extensions)) return null;
  if (payload.operationName != null && typeof payload.operationName !== "string") return null;
  return { query: payload.query, operationName: (payload.operationName as string | null) ?? undefined, variables: payload.variables };
}

/**
 * Extensions that change nothing in the answer: none, or only the client library's name and version
 * that Apollo Client sends with every operation. Anything else (a persisted query) goes to the runtime.
 */
function plainExtensions(extensions: unknown): boolean {
  if (extensions === undefined || extensions === null) return true;
  if (typeof extensions !== "object" || Array.isArray(extensions)) return false;
  return Object.keys(extensions).every((key) => key === "clientLibrary");
}

/** The runtime's own checks of a document: token limit while parsing, then the public schema with the depth and alias rules. */
export function documentChecker(apiSchema: GraphQLSchema, limits: OperationLimits) {
  const rules: ValidationRule[] = [...specifiedRules, maxDepthRule(limits.maxDepth), maxAliasesRule(limits.maxAliases)];
  /** The parsed document, or null for one the runtime would refuse (it reports why). */
  return (query: string): DocumentNode | null => {
    try {
      const document = parse(query, { maxTokens: limits.maxTokens });
      return validate(apiSchema, document, rules).length === 0 ? document : null;
    } catch {
      return null;
    }
  };
}

const MAX_CACHED_DOCUMENTS = 1000;

/** A per-document cache that forgets everything once it holds a thousand documents. */
export function documentCache<T>() {
  const entries = new Map<string, T>();
  return (query: string, operationName: string | undefined, compute: () => T): T => {
    const key = `${operationName ?? ""}\n${query}`;
    let value = entries.get(key);
    if (value !== undefined || entries.has(key)) return value as T;
    value = compute();
    if (entries.size >= MAX_CACHED_DOCUMENTS) entries.clear();
    entries.set(key, value);
    return value;
  };
}

/** Who is calling, authenticated by the same function as the runtime path (an identity outage throws, answered 503). */
export async function portalRequestOf(authenticator: Authenticator, facts: RequestFacts): Promise<PortalRequest> {
  return newPortalRequest(facts, await authenticator.authenticate(facts.credentials));
}

/** Node's own client with kept-alive connections: the fetch API costs noticeably more per call. */
export function upstreamAgent(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 128 });
}

export type Upstream = { status: number; headers: IncomingHttpHeaders; body: string } | "unreachable" | "timeout";

/** One POST of JSON to a subgraph, with the caller's signed headers and one timer for the whole exchange. */
export function postJson(agent: Agent, url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Upstream> {
  return exchange(
    agent,
    "POST",
    targetOf(url),
    { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
    body,
    timeoutMs,
  );
}

/**
 * One GET of a subgraph's JSON answer at `path` (which varies per call, so it is not kept with the
 * parsed subgraph URL), signed and timed like `postJson`.
 */
export function getJson(
  agent: Agent,
  subgraphUrl: string,
  path: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Upstream> {
  return exchange(agent, "GET", { ...targetOf(subgraphUrl), path }, headers, undefined, timeoutMs);
}

function exchange(
  agent: Agent,
  method: "GET" | "POST",
  target: { hostname: string; port: string; path: string },
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<Upstream> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: Upstream) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const outgoing = request(
      {
        ...target,
        method,
        agent,
        headers: { ...headers, accept: "application/json" },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          settle({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", () => settle("unreachable"));
      },
    );
    // One timer for the whole exchange (connect, answer, body), cheaper than an AbortSignal per call.
    const timer = setTimeout(() => {
      settle("timeout");
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on("error", () => settle("unreachable"));
    outgoing.end(body);
  });
}

const targets = new Map<string, { hostname: string; port: string; path: string }>();

/** A subgraph URL as request options, parsed once (the few subgraph URLs are kept). */
function targetOf(url: string) {
  let target = targets.get(url);
  if (!target) {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:") throw new Error(`subgraph URL must be http: ${url}`);
    target = { hostname: parsed.hostname.replace(/^\[|\]$/g, ""), port: parsed.port || "80", path: parsed.pathname + parsed.search };
    targets.set(url, target);
  }
  return target;
}

/** Writes a GraphQL answer with the headers the runtime path gives one (no-store, the session cookie if any). */
export function writeAnswer(req: IncomingMessage, res: ServerResponse, portal: PortalRequest, text: string): void {
  const accept = req.headers.accept ?? "";
  res.statusCode = 200;
  res.setHeader(
    "content-type",
    accept.includes("application/graphql-response+json")
      ? "application/graphql-response+json; charset=utf-8"
      : "application/json; charset=utf-8",
  );
  res.setHeader("cache-control", "no-store");
  if (portal.sessionCookie) res.setHeader("set-cookie", portal.sessionCookie);
  answeredWithErrors(res, text);
  res.end(text);
}

export interface SubgraphEndpoint {
  name: string;
  url: string;
  /** Path of `url`, which the caller signature covers. */
  path: string;
}

/** join__Graph enum value → the subgraph's name and URL (overrides win). */
export function graphUrls(schema: GraphQLSchema, overrides: Record<string, string>): Map<string, { name: string; url: string }> {
  const urls = new Map<string, { name: string; url: string }>();
  const graphEnum = schema.getType("join__Graph");
  for (const value of graphEnum && "getValues" in graphEnum ? graphEnum.getValues() : []) {
    const args = argumentsOf(directives(value.astNode?.directives, "join__graph")[0]);
    const name = args.name as string;
    urls.set(value.name, { name, url: overrides[name] ?? (args.url as string) });
  }
  return urls;
}

export function directives(nodes: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode[] {
  return (nodes ?? []).filter((node) => node.name.value === name);
}

export function argumentsOf(directive: ConstDirectiveNode | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const argument of directive?.arguments ?? []) {
    const value = argument.value;
    args[argument.name.value] = value.kind === Kind.ENUM || value.kind === Kind.STRING || value.kind === Kind.BOOLEAN ? value.value : true;
  }
  return args;
}
