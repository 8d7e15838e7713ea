import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import type { ExecutionRequest, ExecutionResult, Executor } from "@graphql-tools/utils";
import { type DocumentNode, GraphQLError, type GraphQLSchema, getOperationAST, isNonNullType, Kind } from "graphql";
import { countFailure } from "@portal/kit";
import { GATEWAY_SERVICE, gatewayLog } from "./observability/index.js";

/**
 * What a client sees when a subgraph cannot answer (refused connection, timeout, an answer that is
 * not GraphQL): that subgraph's fields are null and each carries this error, while every other
 * subgraph's data arrives as usual. The message names the section only; addresses, the subgraph's
 * URL and the request the gateway made (e.g. its `_entities` query) stay in the gateway's log.
 */
export const SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";

export function sectionUnavailable(subgraph: string): GraphQLError {
  // serviceName as the runtime puts it on every subgraph error (production keeps only the code).
  return new GraphQLError(`The ${subgraph} section is unavailable right now`, {
    extensions: { code: SERVICE_UNAVAILABLE, serviceName: subgraph },
  });
}

/** When identity cannot tell who is calling, no partial answer is possible: the whole request gets this (503). */
export const PORTAL_UNAVAILABLE_MESSAGE = "The portal is unavailable right now. Please try again shortly.";

export function portalUnavailableAnswer() {
  return { errors: [{ message: PORTAL_UNAVAILABLE_MESSAGE, extensions: { code: SERVICE_UNAVAILABLE } }] };
}

/** Server context of a request the planned path hands over: subgraphs that did not answer it in time. */
export interface UnavailableContext {
  portalUnavailable: ReadonlySet<string>;
}

/**
 * Codes the HTTP executor and the runtime's timeout give a call that never got a GraphQL answer.
 * Errors a subgraph sent itself (FORBIDDEN, validation, its own failures) are not among them and pass on.
 */
const TRANSPORT_FAILURES = new Set(["SUBREQUEST_HTTP_ERROR", "RESPONSE_VALIDATION_FAILED", "TIMEOUT_ERROR", "GATEWAY_TIMEOUT"]);

/**
 * Wraps every subgraph call of the runtime (registered after the runtime's timeout, so it also sees
 * a call the timeout gave up on) and replaces a transport failure with `sectionUnavailable`.
 */
export function useSubgraphFailures(log: (subgraph: string, detail: unknown) => void = logFailure): GatewayPlugin {
  return {
    onSubgraphExecute({ subgraphName, executor, setExecutor }) {
      const guarded: Executor = async (request: ExecutionRequest) => {
        // The planned path already waited for this subgraph in vain during this request: no second wait.
        const context = request.context as Partial<UnavailableContext> | undefined;
        if (context?.portalUnavailable?.has(subgraphName)) return { errors: [sectionUnavailable(subgraphName)] };
        try {
          const result = await executor(request);
          if (!isFailure(result)) return result;
          log(subgraphName, (result as ExecutionResult).errors);
        } catch (error) {
          log(subgraphName, error);
        }
        return { errors: [sectionUnavailable(subgraphName)] };
      };
      setExecutor(guarded);
    },
    // When every field asked for belongs to unavailable subgraphs, the planner answers errors
    // without data; the client still gets `data` with those nullable fields null, as when only
    // some of them fail, so "failure stays local" reads the same whatever else was asked.
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const data = nullRootFields(result as ExecutionResult, args.schema, args.document, args.operationName);
          if (data) setResult({ ...(result as ExecutionResult), data });
        },
      };
    },
  };
}

/** `{ field: null, … }` for a result with no data whose errors are all unavailable sections and whose root fields are all nullable. */
function nullRootFields(result: ExecutionResult, schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  if (result.data != null || !result.errors?.length) return null;
  if (!result.errors.every((error) => error.extensions?.code === SERVICE_UNAVAILABLE)) return null;
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const data: Record<string, null> = {};
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null; // fragments at the root: leave the answer as it is
    const field = root.getFields()[selection.name.value];
    if (!field || isNonNullType(field.type)) return null;
    data[selection.alias?.value ?? selection.name.value] = null;
  }
  return data;
}

function isFailure(result: unknown): boolean {
  if (!result || typeof result !== "object" || Symbol.asyncIterator in result) return false;
  const { data, errors } = result as ExecutionResult;
  if (data != null || !errors?.length) return false;
  return errors.some((error) => TRANSPORT_FAILURES.has(String(error.extensions?.code)));
}

function logFailure(subgraph: string, detail: unknown): void {
  const errors = Array.isArray(detail) ? detail : [detail];
  const messages = errors.map((error) => (error instanceof Error ? error.message : String(error)));
  countFailure(GATEWAY_SERVICE, "subgraph_unreachable");
  gatewayLog().error({ subgraph }, `${subgraph} did not answer: ${messages.join("; ")}`);
}
