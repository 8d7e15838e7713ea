import { GraphQLError } from "graphql";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";

/** Codes whose message is meant for the client; subgraphs throw these with kit helpers. */
const CLIENT_FACING_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_REQUEST",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "RATE_LIMITED",
  "SERVICE_UNAVAILABLE",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
]);

const UNEXPECTED = "Unexpected error.";

/**
 * Production error masking: client-facing errors keep their message and code and nothing else
 * (no stack, no subgraph internals); everything else becomes one opaque message.
 */
export function maskProductionError(error: unknown): Error {
  if (!(error instanceof GraphQLError)) return unexpected(null);
  const code = typeof error.extensions?.code === "string" ? error.extensions.code : undefined;
  if (code && CLIENT_FACING_CODES.has(code)) return rebuild(error, hideSuggestions(error.message), withHttp(error, { code }));
  // The gateway's own parse/validation/limit errors carry no code and wrap nothing.
  if (!code && !error.originalError) return rebuild(error, hideSuggestions(error.message), withHttp(error, {}));
  if (error.originalError instanceof GraphQLError && error.originalError !== error) return maskProductionError(error.originalError);
  return unexpected(error);
}

/** A subgraph's errors as JSON, reduced to what production masking keeps (the direct paths relay JSON). */
export interface FormattedError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: unknown };
}

export function maskFormattedErrors(errors: readonly FormattedError[]): FormattedError[] {
  return errors.map((error) => {
    const code = typeof error.extensions?.code === "string" ? error.extensions.code : "INTERNAL_SERVER_ERROR";
    const masked = maskProductionError(new GraphQLError(error.message, { path: error.path, extensions: { code } }));
    return {
      message: masked.message,
      ...(error.path ? { path: error.path } : {}),
      extensions: { code: (masked as GraphQLError).extensions?.code },
    };
  });
}

/** Field suggestions leak schema details even with introspection off. */
export function useHiddenSuggestions(): GatewayPlugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length) setResult(result.map((error) => rebuild(error, hideSuggestions(error.message), error.extensions)));
      };
    },
  };
}

export function hideSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*\?$/s, "");
}

function rebuild(error: GraphQLError, message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, extensions });
}

/** Keeps the HTTP status the server chose (e.g. 400 for a refused document); it is never serialised. */
function withHttp(error: GraphQLError, extensions: Record<string, unknown>): Record<string, unknown> {
  return error.extensions?.http ? { ...extensions, http: error.extensions.http } : extensions;
}

function unexpected(error: GraphQLError | null): GraphQLError {
  const extensions = { code: "INTERNAL_SERVER_ERROR" };
  return error ? rebuild(error, UNEXPECTED, extensions) : new GraphQLError(UNEXPECTED, { extensions });
}
