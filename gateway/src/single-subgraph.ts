import { Agent, request, type IncomingMessage, type ServerResponse } from "node:http";
import { signCaller } from "@portal/kit";
import {
  buildASTSchema, getOperationAST, GraphQLError, isInterfaceType, isObjectType, Kind, parse, print, specifiedRules, TypeInfo, validate, visit, visitWithTypeInfo,
  type ConstDirectiveNode, type DocumentNode, type GraphQLField, type GraphQLNamedType, type GraphQLSchema,
} from "graphql";
import type { Authenticator } from "./authenticator.js";
import { maskProductionError } from "./error-policy.js";
import { maxAliasesRule, maxDepthRule, type OperationLimits } from "./operation-limits.js";
import { newPortalRequest } from "./portal-auth.js";
import { nodeHeaders, requestFacts } from "./request-facts.js";

/**
 * Most portal queries touch one subgraph only. For those, planning, the runtime's request pipeline
 * and re-executing the subgraph's answer cost more CPU than the subgraph itself, so the gateway
 * sends such a query straight to its subgraph and relays the answer.
 *
 * It only ever takes the happy path: a JSON POST of a query that parses within the token limit,
 * validates against the public schema with the same depth and alias rules, and whose every field one
 * subgraph resolves on its own (no @requires/@provides/@external/@override, no directives beyond
 * @skip/@include, no introspection). Anything else — mutations (they may set the session cookie),
 * subscriptions, refused documents, a subgraph that does not answer 200 — goes through the runtime,
 * which produces the answer and any error exactly as before. Authentication, signing and production
 * error masking are the same functions the runtime path uses.
 */
export interface SingleSubgraphOptions {
  apiSchema: GraphQLSchema;
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  limits: OperationLimits;
  production: boolean;
  authenticator: Authenticator;
  secret: string;
  trustProxy: boolean;
}

interface Route {
  url: string;
  query: string;
  operationName?: string;
}

const MAX_CACHED_DOCUMENTS = 1000;

export function createSingleSubgraphPath(options: SingleSubgraphOptions) {
  const supergraph = buildASTSchema(parse(options.supergraphSdl), { assumeValidSDL: true });
  const urls = graphUrls(supergraph, options.subgraphUrls ?? {});
  const rules = [...specifiedRules, maxDepthRule(options.limits.maxDepth), maxAliasesRule(options.limits.maxAliases)];
  const routes = new Map<string, Route | null>();
  // Node's own client with kept-alive connections: the fetch API costs noticeably more per call.
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });

  function routeFor(query: string, operationName: string | undefined): Route | null {
    const key = `${operationName ?? ""}\n${query}`;
    let route = routes.get(key);
    if (route !== undefined) return route;
    route = null;
    try {
      const document = parse(query, { maxTokens: options.limits.maxTokens });
      if (validate(options.apiSchema, document, rules).length === 0) route = routeOf(supergraph, document, operationName, urls);
    } catch {
      route = null; // a refused document: the runtime reports why
    }
    if (routes.size >= MAX_CACHED_DOCUMENTS) routes.clear();
    routes.set(key, route);
    return route;
  }

  /** Answers the request and returns true, or returns false having written nothing. */
  async function trySingleSubgraph(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<boolean> {
    if (req.method !== "POST" || !req.headers["content-type"]?.startsWith("application/json")) return false;
    let payload: { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
    try {
      payload = JSON.parse(body.toString("utf8"));
    } catch {
      return false;
    }
    if (typeof payload.query !== "string" || payload.extensions !== undefined) return false;
    if (payload.operationName != null && typeof payload.operationName !== "string") return false;
    const route = routeFor(payload.query, (payload.operationName as string | null) ?? undefined);
    if (!route) return false;

    const facts = requestFacts(nodeHeaders(req.headers), req.socket.remoteAddress, options.trustProxy);
    const portal = newPortalRequest(facts, await options.authenticator.authenticate(facts.credentials));
    const upstream = await postJson(
      agent,
      route.url,
      signCaller(options.secret, { ...portal.caller, issuedAt: Date.now() }),
      JSON.stringify({ query: route.query, variables: payload.variables ?? {}, operationName: route.operationName }),
    );
    // A subgraph that is down or unhappy: the runtime path retries and reports it its own way.
    if (!upstream || upstream.status !== 200) return false;
    let text = upstream.body;
    if (options.production && text.includes('"errors"')) text = maskErrors(text);

    const accept = req.headers.accept ?? "";
    res.statusCode = 200;
    res.setHeader("content-type", accept.includes("application/graphql-response+json") ? "application/graphql-response+json; charset=utf-8" : "application/json; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    if (portal.sessionCookie) res.setHeader("set-cookie", portal.sessionCookie);
    res.end(text);
    return true;
  }

  return { trySingleSubgraph, close: () => agent.destroy() };
}

function postJson(agent: Agent, url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    const outgoing = request(url, { method: "POST", agent, headers: { ...headers, "content-type": "application/json", accept: "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", () => resolve(null));
    });
    outgoing.on("error", () => resolve(null));
    outgoing.end(body);
  });
}

/** Production: subgraph errors keep only what the runtime path's masking would keep. */
function maskErrors(text: string): string {
  const result = JSON.parse(text) as { data?: unknown; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: unknown } }[] };
  const errors = result.errors?.map((error) => {
    const code = typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
    const masked = maskProductionError(new GraphQLError(error.message, { path: error.path, extensions: { code } }));
    return { message: masked.message, ...(error.path ? { path: error.path } : {}), extensions: { code: (masked as GraphQLError).extensions?.code } };
  });
  return JSON.stringify({ ...result, errors });
}

/** The one subgraph that can answer the whole operation, or null. */
function routeOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, urls: Map<string, string>): Route | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== "query") return null;
  let candidates: Set<string> | null = new Set(urls.keys());
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Directive(node) {
        if (node.name.value !== "skip" && node.name.value !== "include") candidates = null;
      },
      Field(node) {
        if (!candidates) return false;
        if (node.name.value === "__typename") return;
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field || node.name.value.startsWith("__")) {
          candidates = null;
          return false;
        }
        const able = graphsResolving(parent, field);
        candidates = new Set([...candidates].filter((graph) => able.has(graph)));
        if (candidates.size === 0) candidates = null;
      },
    }),
  );
  const chosen = candidates ? [...(candidates as Set<string>)][0] : undefined;
  return chosen ? { url: urls.get(chosen)!, query: print(document), operationName: operation.name?.value } : null;
}

/** Subgraphs that resolve `field` of `parent` by themselves, from the supergraph's join directives. */
function graphsResolving(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): Set<string> {
  const joins = directives(field.astNode?.directives, "join__field");
  if (joins.length > 0) {
    const graphs = new Set<string>();
    for (const join of joins) {
      const args = argumentsOf(join);
      const selfContained = !args.external && !args.requires && !args.provides && !args.override && typeof args.graph === "string";
      if (selfContained) graphs.add(args.graph as string);
    }
    return graphs;
  }
  if (!isObjectType(parent) && !isInterfaceType(parent)) return new Set();
  const typeNodes = [parent.astNode, ...(parent.extensionASTNodes ?? [])];
  return new Set(typeNodes.flatMap((node) => directives(node?.directives, "join__type")).map((d) => argumentsOf(d).graph as string));
}

function graphUrls(schema: GraphQLSchema, overrides: Record<string, string>): Map<string, string> {
  const urls = new Map<string, string>();
  const graphEnum = schema.getType("join__Graph");
  for (const value of graphEnum && "getValues" in graphEnum ? graphEnum.getValues() : []) {
    const args = argumentsOf(directives(value.astNode?.directives, "join__graph")[0]);
    urls.set(value.name, overrides[args.name as string] ?? (args.url as string));
  }
  return urls;
}

function directives(nodes: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode[] {
  return (nodes ?? []).filter((node) => node.name.value === name);
}

function argumentsOf(directive: ConstDirectiveNode | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const argument of directive?.arguments ?? []) {
    const value = argument.value;
    args[argument.name.value] = value.kind === Kind.ENUM || value.kind === Kind.STRING || value.kind === Kind.BOOLEAN ? value.value : true;
  }
  return args;
}
