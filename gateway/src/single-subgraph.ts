import type { IncomingMessage, ServerResponse } from "node:http";
import { REQUEST_ID_HEADER, requestTarget, signCaller } from "@portal/kit";
import {
  buildASTSchema,
  execute,
  getOperationAST,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  parse,
  print,
  printSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import type { Authenticator } from "./authenticator.js";
import { type FormattedError, maskFormattedErrors } from "./error-policy.js";
import {
  argumentsOf,
  directives,
  documentCache,
  documentChecker,
  type GraphqlPost,
  graphUrls,
  portalRequestOf,
  postJson,
  upstreamAgent,
  writeAnswer,
} from "./direct-upstream.js";
import type { OperationLimits } from "./operation-limits.js";
import type { RequestFacts } from "./request-facts.js";
import { gatewayLog, requestIdOf, subgraphCallFailed } from "./observability/index.js";
import { sectionUnavailable } from "./subgraph-failures.js";
import { inSpan } from "./tracing/spans.js";

/** What the "plan" span of a request (when tracing) says of this path. */
const PLAN_SPAN = { "portal.gateway.path": "single-subgraph" };

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
  /** A subgraph that has not answered by then is reported unavailable (no second try through the runtime). */
  timeoutMs: number;
}

export interface Route {
  subgraph: string;
  url: string;
  /** Path of `url`, which the caller signature covers. */
  path: string;
  query: string;
  operationName?: string;
  document: DocumentNode;
}

export function createSingleSubgraphPath(options: SingleSubgraphOptions) {
  const supergraph = buildASTSchema(parse(options.supergraphSdl), { assumeValidSDL: true });
  const urls = graphUrls(supergraph, options.subgraphUrls ?? {});
  const check = documentChecker(options.apiSchema, options.limits);
  const routes = documentCache<Route | null>();
  const agent = upstreamAgent();
  const log = gatewayLog();
  // The public schema without the runtime's resolvers (which would call the subgraph), built the
  // first time a subgraph times out.
  let bareSchema: GraphQLSchema | undefined;
  const schemaWithoutResolvers = () => (bareSchema ??= buildASTSchema(parse(printSchema(options.apiSchema))));

  function routeFor(query: string, operationName: string | undefined): Route | null {
    return routes(query, operationName, () => {
      const document = check(query);
      const route = document ? routeOf(supergraph, document, operationName, urls) : null;
      return route?.url.startsWith("http://") ? route : null; // Node's http agent: plain HTTP only
    });
  }

  /** Answers the request and returns true, or returns false having written nothing. */
  async function trySingleSubgraph(req: IncomingMessage, res: ServerResponse, payload: GraphqlPost, facts: RequestFacts): Promise<boolean> {
    const route = inSpan("plan", PLAN_SPAN, () => routeFor(payload.query, payload.operationName));
    if (!route) return false;

    const portal = await portalRequestOf(options.authenticator, facts);
    const variables = payload.variables ?? {};
    const upstreamBody = JSON.stringify({ query: route.query, variables, operationName: route.operationName });
    const signed = signCaller(options.secret, portal.caller, { method: "POST", path: route.path, body: upstreamBody });
    const requestId = requestIdOf(res);
    if (requestId) signed[REQUEST_ID_HEADER] = requestId;
    const upstream = await postJson(agent, route.url, signed, upstreamBody, options.timeoutMs);
    // Refused or reset (e.g. a kept-alive socket the subgraph had closed) or not 200: the runtime
    // path tries once more and reports it its own way. A timeout already used the client's budget.
    if (upstream === "unreachable" || (upstream !== "timeout" && upstream.status !== 200)) return false;
    let text: string;
    if (upstream === "timeout") {
      subgraphCallFailed(log, "subgraph_timeout", requestId, `${route.subgraph} did not answer within ${options.timeoutMs} ms`);
      text = JSON.stringify(unavailableResult(schemaWithoutResolvers(), route, variables));
    } else {
      text = upstream.body;
    }
    if (options.production && text.includes('"errors"')) text = maskErrors(text);
    writeAnswer(req, res, portal, text);
    return true;
  }

  return { trySingleSubgraph, close: () => agent.destroy() };
}

/**
 * The answer the runtime would give for a subgraph that did not answer: every root field is
 * resolved to the subgraph's "unavailable" error, so nullability, aliases, fragments and
 * @skip/@include come out exactly as GraphQL execution makes them.
 */
function unavailableResult(schema: GraphQLSchema, route: Route, variables: unknown) {
  const error = sectionUnavailable(route.subgraph);
  const result = execute({
    schema,
    document: route.document,
    operationName: route.operationName,
    variableValues: variables as Record<string, unknown>,
    fieldResolver: () => {
      throw error;
    },
  }) as { data?: unknown; errors?: readonly GraphQLError[] };
  return { errors: result.errors?.map(({ message, path, extensions }) => ({ message, path, extensions })), data: result.data };
}

/** Production: subgraph errors keep only what the runtime path's masking would keep. */
function maskErrors(text: string): string {
  const result = JSON.parse(text) as { data?: unknown; errors?: FormattedError[] };
  return JSON.stringify({ ...result, errors: result.errors && maskFormattedErrors(result.errors) });
}

/** The one subgraph that can answer the whole operation (a query, or a subscription for the live relay), or null. */
export function routeOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  urls: Map<string, { name: string; url: string }>,
  kind: "query" | "subscription" = "query",
): Route | null {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== kind) return null;
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
  if (!chosen) return null;
  const { name, url } = urls.get(chosen)!;
  return { subgraph: name, url, path: requestTarget(url), query: print(document), operationName: operation.name?.value, document };
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
