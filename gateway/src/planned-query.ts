import type { IncomingMessage, ServerResponse } from "node:http";
import {
  QueryPlanner,
  type FetchNode,
  type FlattenNodePathSegment,
  type PlanNode,
  type RequiresSelection,
} from "@graphql-hive/router-query-planner";
import { requestTarget } from "@portal/kit";
import {
  buildASTSchema,
  getNamedType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  TypeNameMetaFieldDef,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import type { Authenticator } from "./authenticator.js";
import { CLEAR_SESSION_HEADER, SET_SESSION_HEADER } from "./cookies.js";
import {
  documentCache,
  documentChecker,
  type GraphqlPost,
  graphUrls,
  portalRequestOf,
  type SubgraphEndpoint,
  upstreamAgent,
  writeAnswer,
} from "./direct-upstream.js";
import { Colocation, FetchBatcher } from "./fetch-batch.js";
import type { OperationLimits } from "./operation-limits.js";
import type { PortalRequest } from "./portal-auth.js";
import type { RequestFacts } from "./request-facts.js";
import { gatewayLog, requestIdOf, subgraphCallFailed } from "./observability/index.js";
import { inSpan } from "./tracing/spans.js";

/** What the "plan" span of a request (when tracing) says of this path. */
const PLAN_SPAN = { "portal.gateway.path": "planned" };

/**
 * Queries that need several subgraphs (the dashboard: identity, then billing and documents for the
 * same contact), executed from Hive Router's query plan without the runtime's per-request machinery:
 * the plan is made once per document, each subgraph call is a signed POST on Node's HTTP agent with
 * kept-alive sockets and one timer (the parallel calls to subgraphs of one process go as one batch,
 * fetch-batch.ts), and the answers are merged and projected on plain objects.
 *
 * Like the single-subgraph path it only takes the happy path: a query (never a mutation or a
 * subscription) that validates as the runtime validates it and whose plan holds only Fetch,
 * Sequence, Parallel and Flatten nodes with plain `requires`. If any subgraph answers anything but
 * a 200 with data and no errors (or an entity count that does not match, or a session header), the
 * request is answered by the runtime instead — queries are safe to run again — so partial data and
 * errors are exactly the runtime's. A subgraph that timed out is not waited for a second time: the
 * runtime is told to report it unavailable at once (`portalUnavailable`, see subgraph-failures.ts).
 */
export interface PlannedQueryOptions {
  apiSchema: GraphQLSchema;
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  limits: OperationLimits;
  authenticator: Authenticator;
  secret: string;
  timeoutMs: number;
}

/** What the gateway does with a request the planned path did not answer. */
export type PlannedOutcome =
  /** Answered. */
  | true
  /** Not answered, nothing written: the runtime answers. */
  | false
  /** Not answered: the runtime answers, reporting these subgraphs (which did not answer in time) unavailable without calling them. */
  | { unavailable: Set<string> };

type Step =
  | { kind: "Fetch"; fetch: Fetch }
  | { kind: "Flatten"; path: PathSegment[]; fetch: Fetch; requires: Requires[] }
  | { kind: "Sequence" | "Parallel"; steps: Step[] };

interface Fetch {
  endpoint: SubgraphEndpoint;
  query: string;
  variableUsages: string[];
}

type PathSegment = { field: string } | "list";
type Requires =
  | { kind: "Field"; name: string; responseKey: string; selections?: Requires[] }
  | { kind: "Fragment"; typeCondition: string; selections: Requires[] };

interface Prepared {
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  step: Step;
}

/** Why the planned path gives a request to the runtime; nothing was written. */
class ToRuntime extends Error {
  constructor(readonly unavailable?: string) {
    super("answered by the runtime");
  }
}

export function createPlannedQueryPath(options: PlannedQueryOptions) {
  const supergraph = buildASTSchema(parse(options.supergraphSdl), { assumeValidSDL: true });
  const endpoints = new Map<string, SubgraphEndpoint>();
  // Plain HTTP only (Node's http agent); a subgraph reached otherwise is left to the runtime.
  for (const { name, url } of graphUrls(supergraph, options.subgraphUrls ?? {}).values())
    if (url.startsWith("http://")) endpoints.set(name, { name, url, path: requestTarget(url) });
  const planner = new QueryPlanner(options.supergraphSdl);
  // Progressive @override (labels, percentages) makes the runtime's plan vary per request: leave those to it.
  const progressiveOverride = planner.overrideLabels.length > 0 || planner.overridePercentages.length > 0;
  const schema = options.apiSchema;
  const check = documentChecker(schema, options.limits);
  const prepared = documentCache<Prepared | null>();
  const agent = upstreamAgent();
  const colocation = new Colocation(endpoints);
  const log = gatewayLog();

  function prepare(query: string, operationName: string | undefined): Prepared | null {
    return prepared(query, operationName, () => {
      const document = check(query);
      const operation = document && getOperationAST(document, operationName);
      if (progressiveOverride || !document || operation?.operation !== "query" || !plainDocument(document)) return null;
      try {
        const plan = planner.plan(query, operationName, new Set(), 0);
        const step = plan.node ? stepOf(plan.node, endpoints, true) : null;
        if (!step) return null;
        const fragments: Record<string, FragmentDefinitionNode> = {};
        for (const definition of document.definitions)
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        return { operation, fragments, step };
      } catch {
        return null; // a document the planner cannot plan: the runtime reports why
      }
    });
  }

  /** Answers the request (true), or tells the caller to hand it to the runtime, having written nothing. */
  async function tryPlanned(req: IncomingMessage, res: ServerResponse, payload: GraphqlPost, facts: RequestFacts): Promise<PlannedOutcome> {
    const entry = inSpan("plan", PLAN_SPAN, () => prepare(payload.query, payload.operationName));
    if (!entry) return false;
    const given = payload.variables ?? {};
    if (typeof given !== "object" || Array.isArray(given)) return false;
    const coerced = getVariableValues(schema, entry.operation.variableDefinitions ?? [], given as Record<string, unknown>);
    if (coerced.errors) return false;
    const variables = coerced.coerced;

    const portal = await portalRequestOf(options.authenticator, facts);
    const data: Record<string, unknown> = {};
    try {
      const requestId = requestIdOf(res);
      const fetches = new FetchBatcher({
        colocation,
        agent,
        secret: options.secret,
        timeoutMs: options.timeoutMs,
        caller: portal.caller,
        requestId,
      });
      await run(entry.step, { data, variables, portal, requestId, fetches });
      if (Object.keys(data).length === 0) return false;
      const projection = new Projection(schema, entry.fragments, variables);
      const projected = projection.selectionSet(data, entry.operation.selectionSet, schema.getQueryType()!);
      writeAnswer(req, res, portal, JSON.stringify({ data: projected }));
      return true;
    } catch (error) {
      if (!(error instanceof ToRuntime)) throw error;
      return error.unavailable ? { unavailable: new Set([error.unavailable]) } : false;
    }
  }

  interface Run {
    data: Record<string, unknown>;
    variables: Record<string, unknown>;
    portal: PortalRequest;
    requestId: string | undefined;
    fetches: FetchBatcher;
  }

  async function run(step: Step, context: Run): Promise<void> {
    switch (step.kind) {
      case "Sequence":
        for (const inner of step.steps) await run(inner, context);
        return;
      case "Parallel":
        await Promise.all(step.steps.map((inner) => run(inner, context)));
        return;
      case "Fetch": {
        const answer = await fetchData(step.fetch, context, undefined);
        mergeInto(context.data, answer);
        return;
      }
      case "Flatten": {
        const targets: Record<string, unknown>[] = [];
        const order: number[] = [];
        const representations: Record<string, unknown>[] = [];
        const seen = new Map<string, number>();
        for (const entity of objectsAt(context.data, step.path)) {
          if (entity.__typename == null) continue;
          const representation = projectRequires(step.requires, entity, schema);
          if (!representation) continue;
          representation.__typename ??= entity.__typename;
          const key = JSON.stringify(representation);
          let index = seen.get(key);
          if (index === undefined) {
            index = representations.length;
            seen.set(key, index);
            representations.push(representation);
          }
          targets.push(entity);
          order.push(index);
        }
        if (representations.length === 0) return;
        const answer = await fetchData(step.fetch, context, representations);
        const entities = answer._entities;
        if (!Array.isArray(entities) || entities.length !== representations.length) throw new ToRuntime();
        for (const entity of entities) if (!isPlainObject(entity)) throw new ToRuntime();
        for (let i = 0; i < targets.length; i++) mergeInto(targets[i], entities[order[i]] as Record<string, unknown>);
        return;
      }
    }
  }

  async function fetchData(fetch: Fetch, context: Run, representations: unknown[] | undefined): Promise<Record<string, unknown>> {
    let variables: Record<string, unknown> | undefined;
    for (const name of fetch.variableUsages) {
      if (!Object.hasOwn(context.variables, name)) continue;
      variables ??= {};
      variables[name] = context.variables[name];
    }
    if (representations) variables = { ...variables, representations };
    const body = JSON.stringify({ query: fetch.query, variables });
    const upstream = await context.fetches.fetch(fetch.endpoint, body);
    if (upstream === "timeout") {
      subgraphCallFailed(
        log,
        "subgraph_timeout",
        context.requestId,
        `${fetch.endpoint.name} did not answer within ${options.timeoutMs} ms`,
      );
      throw new ToRuntime(fetch.endpoint.name);
    }
    if (upstream === "unreachable" || upstream.status !== 200) throw new ToRuntime();
    // A session header from a query is unusual: the runtime turns it into the cookie.
    if (upstream.headers[SET_SESSION_HEADER] || upstream.headers[CLEAR_SESSION_HEADER]) throw new ToRuntime();
    const result = upstream.json as { data?: unknown; errors?: unknown };
    if (!isPlainObject(result) || result.errors !== undefined || !isPlainObject(result.data)) throw new ToRuntime();
    return result.data as Record<string, unknown>;
  }

  return { tryPlanned, close: () => agent.destroy() };
}

/** Only plain selections: no directive but @skip/@include, no introspection beyond __typename. */
function plainDocument(document: DocumentNode): boolean {
  let plain = true;
  visit(document, {
    Directive(node) {
      if (node.name.value !== "skip" && node.name.value !== "include") plain = false;
    },
    Field(node) {
      if (node.name.value.startsWith("__") && node.name.value !== "__typename") plain = false;
    },
  });
  return plain;
}

/** The plan as steps this path runs, or null when it holds anything else (the runtime runs those). */
function stepOf(node: PlanNode, endpoints: Map<string, SubgraphEndpoint>, root: boolean): Step | null {
  switch (node.kind) {
    case "Sequence":
    case "Parallel": {
      const steps: Step[] = [];
      for (const inner of node.nodes) {
        const step = stepOf(inner, endpoints, root);
        if (!step) return null;
        steps.push(step);
      }
      return { kind: node.kind, steps };
    }
    case "Fetch": {
      if (node.requires?.length) return null; // entity fetches come inside a Flatten
      const fetch = fetchOf(node, endpoints);
      return fetch && { kind: "Fetch", fetch };
    }
    case "Flatten": {
      if (node.node.kind !== "Fetch" || !node.node.requires?.length) return null;
      const fetch = fetchOf(node.node, endpoints);
      const requires = requiresOf(node.node.requires);
      const path = pathOf(node.path);
      return fetch && requires && path ? { kind: "Flatten", path, fetch, requires } : null;
    }
    default:
      return null; // Condition, Defer, BatchFetch, Subscription
  }
}

function fetchOf(node: FetchNode, endpoints: Map<string, SubgraphEndpoint>): Fetch | null {
  const endpoint = endpoints.get(node.serviceName);
  if (!endpoint || (node.operationKind && node.operationKind !== "query")) return null;
  if (node.inputRewrites?.length || node.outputRewrites?.length) return null;
  return { endpoint, query: node.operation, variableUsages: node.variableUsages ?? [] };
}

function requiresOf(selections: RequiresSelection[]): Requires[] | null {
  const result: Requires[] = [];
  for (const selection of selections) {
    if (selection.kind === "Field") {
      const inner = selection.selections?.length ? requiresOf(selection.selections) : undefined;
      if (inner === null) return null;
      result.push({ kind: "Field", name: selection.name, responseKey: selection.alias ?? selection.name, selections: inner });
    } else if (selection.kind === "InlineFragment" && !selection.skipIf && !selection.includeIf) {
      const inner = requiresOf(selection.selections);
      if (!inner) return null;
      result.push({ kind: "Fragment", typeCondition: selection.typeCondition, selections: inner });
    } else {
      return null;
    }
  }
  return result;
}

function pathOf(path: FlattenNodePathSegment[]): PathSegment[] | null {
  const result: PathSegment[] = [];
  for (const segment of path) {
    if (segment === "@") result.push("list");
    else if (typeof segment === "object" && "Field" in segment) result.push({ field: segment.Field });
    else return null;
  }
  return result;
}

/** The objects at a flatten path, in order (a field of a list applies to each of its items). */
function objectsAt(root: unknown, path: PathSegment[]): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (current: unknown, at: number) => {
    if (current == null) return;
    if (at === path.length) {
      if (Array.isArray(current)) {
        for (const item of current) if (isPlainObject(item)) found.push(item);
      } else if (isPlainObject(current)) found.push(current);
      return;
    }
    const segment = path[at];
    if (segment === "list") {
      if (Array.isArray(current)) for (const item of current) walk(item, at + 1);
    } else if (Array.isArray(current)) {
      for (const item of current) walk(item, at);
    } else if (typeof current === "object") {
      walk((current as Record<string, unknown>)[segment.field], at + 1);
    }
  };
  walk(root, 0);
  return found;
}

/** An entity's representation: the fields its subgraph requires (its key, `__typename`). */
function projectRequires(requires: Requires[], entity: Record<string, unknown>, schema: GraphQLSchema): Record<string, unknown> | null {
  const result: Record<string, unknown> = {};
  for (const selection of requires) {
    if (selection.kind === "Field") {
      let value = entity[selection.name];
      if (value === undefined) value = entity[selection.responseKey];
      if (selection.selections && value != null) value = projectNested(selection.selections, value, schema);
      if (value != null) result[selection.responseKey] = value;
    } else if (satisfies(schema, entity.__typename as string, selection.typeCondition)) {
      const inner = projectRequires(selection.selections, entity, schema);
      if (inner) mergeInto(result, inner);
    }
  }
  const keys = Object.keys(result);
  if (keys.length === 0 || (keys.length === 1 && result.__typename)) return null;
  return result;
}

function projectNested(requires: Requires[], value: unknown, schema: GraphQLSchema): unknown {
  if (Array.isArray(value)) return value.map((item) => projectNested(requires, item, schema));
  return isPlainObject(value) ? projectRequires(requires, value, schema) : value;
}

function satisfies(schema: GraphQLSchema, typeName: string | undefined, condition: string): boolean {
  if (typeName === condition) return true;
  if (!typeName) return false;
  const type = schema.getType(typeName);
  const conditionType = schema.getType(condition);
  return isObjectType(type) && isAbstractType(conditionType) && schema.isSubType(conditionType, type);
}

/** Merges a subgraph's answer into the objects already there, in place (lists of the same length item by item). */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key in source) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    target[key] = mergeValue(target[key], source[key]);
  }
}

function mergeValue(current: unknown, next: unknown): unknown {
  if (next === undefined) return current;
  if (isPlainObject(current) && isPlainObject(next)) {
    mergeInto(current, next);
    return current;
  }
  if (Array.isArray(current) && Array.isArray(next) && current.length === next.length) {
    for (let i = 0; i < next.length; i++) current[i] = mergeValue(current[i], next[i]);
    return current;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The merged answers shaped as the client asked: its aliases, fragments, `__typename` and
 * @skip/@include, without the key fields it did not ask for. It follows the runtime's projection
 * (an object missing a non-null field becomes null), which on complete answers is GraphQL's result.
 */
class Projection {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** `type` is the field's type; an object that names its own (`__typename`) is projected as that. */
  selectionSet(data: unknown, selectionSet: SelectionSetNode, type: GraphQLNamedType): unknown {
    if (data == null) return data;
    if (Array.isArray(data)) return data.map((item) => this.selectionSet(item, selectionSet, type));
    if (typeof data !== "object") throw new ToRuntime();
    const object = data as Record<string, unknown>;
    const typename = object.__typename;
    const parent = typename != null ? this.schema.getType(String(typename)) : type;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return null;
    const result: Record<string, unknown> = {};
    for (const selection of selectionSet.selections) {
      if (this.skipped(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const field = name === "__typename" ? TypeNameMetaFieldDef : parent.getFields()[name];
        if (!field) throw new ToRuntime();
        const key = selection.alias?.value ?? name;
        const fieldType = getNamedType(field.type);
        let value = object[key];
        if (selection.selectionSet) value = this.selectionSet(value, selection.selectionSet, fieldType);
        if (value !== undefined) {
          if (isEnumType(fieldType)) value = enumValue(fieldType.getValue.bind(fieldType), value);
          const existing = result[key];
          result[key] = existing != null && typeof existing === "object" && value != null ? mergeValue(existing, value) : value;
        } else if (name === "__typename") {
          result[key] = type.name;
        } else if (isNonNullType(field.type)) {
          return null;
        } else {
          result[key] = null;
        }
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments[selection.name.value];
        if (!fragment) throw new ToRuntime();
        const condition = fragment.typeCondition?.name.value;
        if (condition && !satisfies(this.schema, typename != null ? String(typename) : parent.name, condition)) continue;
        const fragmentType = typename == null && condition ? this.schema.getType(condition) : parent;
        if (!fragmentType) throw new ToRuntime();
        const inner = this.selectionSet(object, fragment.selectionSet, fragmentType);
        if (inner != null) mergeInto(result, inner as Record<string, unknown>);
      }
    }
    return result;
  }

  private skipped(directives: readonly DirectiveNode[] | undefined): boolean {
    if (!directives?.length) return false;
    for (const directive of directives) {
      const name = directive.name.value;
      if (name !== "skip" && name !== "include") continue;
      const argument = directive.arguments?.find((arg) => arg.name.value === "if");
      let value: unknown = true;
      if (argument?.value.kind === Kind.VARIABLE) value = this.variables[argument.value.name.value];
      else if (argument?.value.kind === Kind.BOOLEAN) value = argument.value.value;
      if (name === "skip" ? Boolean(value) : !value) return true;
    }
    return false;
  }
}

function enumValue(lookup: (name: string) => unknown, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => enumValue(lookup, item));
  if (value == null) return value;
  return lookup(String(value)) == null ? null : value;
}
