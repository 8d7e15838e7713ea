import { execute, getOperationAST, GraphQLError, type DocumentNode, type GraphQLSchema } from "graphql";
import { DocumentCache, validationRules, type DocumentCacheLimits } from "./document-cache.js";

export interface GraphQLHttpOptions {
  schema: GraphQLSchema;
  /** As Apollo is configured: introspection refused and no stack traces in production. */
  production: boolean;
  documents?: DocumentCacheLimits;
}

/** An operation ready to run: its document is known to be valid. */
export interface PreparedOperation {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  contentType: string;
}

export interface GraphQLHttpAnswer {
  status: number;
  headers: [name: string, value: string][];
  body: string;
  /** The execution's errors as raised (for logging the unexpected ones). */
  errors?: readonly GraphQLError[];
}

/** Apollo Server's answer to a request without an `Accept` header. */
const DEFAULT_CONTENT_TYPE = "application/json; charset=utf-8";
/** Apollo's cache-control plugin says this of every answer when no type or field has a cache hint. */
const UNCACHEABLE = "no-store";
const MAX_ACCEPT_HEADERS = 32;

/**
 * The subgraph's short path for ordinary GraphQL POSTs: a document parsed and validated once per
 * query text, then graphql-js `execute` with the request's context, answered exactly as Apollo
 * Server answers it (same status, content type, `cache-control`, body and error format), without
 * Apollo's per-request plugin pipeline. Anything out of the ordinary (GET, batches, persisted
 * queries, a malformed body, a document that does not parse or validate, an unknown operation, a
 * subscription, a bad variable, an `Accept` header Apollo has not answered yet) is left to Apollo
 * Server (`prepare` or `run` return null), so those answers stay Apollo's own.
 */
export class GraphQLHttp {
  readonly documents: DocumentCache;
  /** `Accept` header → the content type Apollo Server answered it with. */
  private readonly contentTypes = new Map<string, string>();
  private readonly schema: GraphQLSchema;
  private readonly stacktraces: boolean;
  /** Cache hints would make Apollo's `cache-control` depend on the fields asked: Apollo answers every request then. */
  private readonly enabled: boolean;

  constructor(options: GraphQLHttpOptions) {
    this.schema = options.schema;
    this.stacktraces = !options.production;
    this.documents = new DocumentCache(options.schema, validationRules(!options.production), options.documents);
    this.enabled = !options.schema.getDirective("cacheControl");
  }

  /**
   * What Apollo Server answered an ordinary POST with this `Accept` header (its content
   * negotiation, learnt from its own 200 answers rather than redone here).
   */
  learnContentType(accept: string | undefined, contentType: string | undefined): void {
    if (!accept || !contentType || this.contentTypes.has(accept) || this.contentTypes.size >= MAX_ACCEPT_HEADERS) return;
    if (contentType.startsWith("application/json") || contentType.startsWith("application/graphql-response+json"))
      this.contentTypes.set(accept, contentType);
  }

  /** The operation to run on the short path, or null when Apollo Server answers this request. */
  prepare(method: string | undefined, body: unknown, accept: string | undefined): PreparedOperation | null {
    if (!this.enabled || method !== "POST" || !isRecord(body)) return null;
    const contentType = accept ? this.contentTypes.get(accept) : DEFAULT_CONTENT_TYPE;
    if (!contentType) return null;
    const { query, operationName, variables, extensions } = body;
    if (typeof query !== "string" || query === "") return null;
    if (operationName != null && typeof operationName !== "string") return null;
    if (variables != null && !isRecord(variables)) return null;
    if (extensions != null && (!isRecord(extensions) || "persistedQuery" in extensions)) return null;
    const document = this.documents.get(query);
    if (!document) return null;
    const operation = getOperationAST(document, operationName ?? undefined);
    if (!operation || operation.operation === "subscription") return null;
    return { document, operationName: operationName ?? undefined, variables: variables ?? undefined, contentType };
  }

  /**
   * Runs the operation. Null when it could not start (a variable of the wrong type, say): no
   * resolver ran, and Apollo Server answers it with its own request error.
   */
  async run(operation: PreparedOperation, contextValue: unknown): Promise<GraphQLHttpAnswer | null> {
    const result = await execute({
      schema: this.schema,
      document: operation.document,
      contextValue,
      variableValues: operation.variables,
      operationName: operation.operationName,
    });
    if (result.data === undefined) return null;
    const http: HttpFromErrors = { headers: new Map() };
    const errors = result.errors?.map((error) => formatError(error, this.stacktraces, http));
    return {
      status: http.status ?? 200,
      headers: answerHeaders(http.headers, operation.contentType),
      // Apollo's field order and trailing newline.
      body: `${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`,
      errors: result.errors,
    };
  }
}

interface HttpFromErrors {
  status?: number;
  headers: Map<string, string>;
}

/**
 * Apollo Server's error format: the error's JSON with `extensions.code` (INTERNAL_SERVER_ERROR when
 * the error has none), its stack trace outside production, and `extensions.http` (a status or
 * headers a resolver asked for) taken out of the body and applied to the answer.
 */
export function formatError(error: GraphQLError, stacktraces: boolean, http: HttpFromErrors): unknown {
  try {
    return enrich(error, stacktraces, http);
  } catch (formattingError) {
    if (stacktraces) return enrich(asGraphQLError(formattingError), true, http);
    return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  }
}

function enrich(error: GraphQLError, stacktraces: boolean, http: HttpFromErrors): unknown {
  const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? "INTERNAL_SERVER_ERROR" };
  const head = extensions.http;
  if (isHttpHead(head)) {
    if (head.status) http.status = head.status;
    for (const [name, value] of head.headers ?? []) http.headers.set(name.toLowerCase(), value);
    delete extensions.http;
  }
  if (stacktraces) extensions.stacktrace = error.stack?.split("\n");
  return { ...error.toJSON(), extensions };
}

function asGraphQLError(value: unknown): GraphQLError {
  if (value instanceof GraphQLError) return value;
  const error = value instanceof Error ? value : new GraphQLError(`Unexpected error value: ${String(value)}`);
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

/**
 * The answer's headers as Apollo Server sets them: those asked for through errors, then its
 * cache-control plugin's `no-store` (it keeps only a value it cannot parse), then the negotiated
 * content type unless one was asked for.
 */
function answerHeaders(asked: Map<string, string>, contentType: string): [string, string][] {
  const headers = new Map(asked);
  const cacheControl = headers.get("cache-control");
  if (!cacheControl || cacheControl === UNCACHEABLE || CACHEABLE.test(cacheControl)) headers.set("cache-control", UNCACHEABLE);
  if (!headers.has("content-type")) headers.set("content-type", contentType);
  return [...headers];
}

const CACHEABLE = /^max-age=(\d+), (public|private)$/;

function isHttpHead(value: unknown): value is { status?: number; headers?: Map<string, string> } {
  return (
    !!value &&
    typeof value === "object" &&
    (!("status" in value) || typeof value.status === "number") &&
    (!("headers" in value) || value.headers instanceof Map)
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value) && !Buffer.isBuffer(value);
}
