import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayPlugin } from "@graphql-hive/gateway-runtime";
import {
  answerOperationalPath,
  collectProcessMetrics,
  countFailure,
  defineMetrics,
  type Logger,
  logger,
  operationNameOf,
  OPERATIONAL_PATHS,
  outcomeOf,
  type ReadinessCheck,
  REQUEST_ID_HEADER,
  RequestMetrics,
  requestIdFor,
} from "@portal/kit";

/**
 * The gateway's side of observing the portal: a request id on every answer and every subgraph
 * call, /healthz, /readyz and /metrics, one counter and one histogram update per GraphQL request
 * (its operation name and outcome), and the gateway's log lines.
 */
export const GATEWAY_SERVICE = "gateway";

export interface GatewayObservabilityOptions {
  production: boolean;
  /** METRICS_TOKEN: /metrics answers only requests with `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Why the gateway cannot serve (e.g. stopping), or null. */
  readiness: ReadinessCheck;
}

/** What one GraphQL request's metrics and log line say of it. */
interface Observation {
  started: number;
  operation: string | undefined;
  errors: boolean;
}

const observations = new WeakMap<ServerResponse, Observation>();

/** The gateway's log lines (a child of the process's logger, taken when the gateway starts). */
export function gatewayLog(): Logger {
  return logger().child({ service: GATEWAY_SERVICE });
}

export function createGatewayObservability(options: GatewayObservabilityOptions) {
  collectProcessMetrics();
  defineMetrics();
  const metrics = new RequestMetrics(GATEWAY_SERVICE);
  const log = gatewayLog();
  const token = options.metricsToken ? Buffer.from(`Bearer ${options.metricsToken}`) : null;
  /** Without a token, /metrics is served in development only; with one, only to its bearer. */
  const metricsAllowed = (req: IncomingMessage): boolean => {
    if (!token) return !options.production;
    const given = Buffer.from(req.headers.authorization ?? "");
    return given.length === token.length && timingSafeEqual(given, token);
  };

  function finished(this: ServerResponse) {
    const seen = observations.get(this);
    if (!seen) return;
    const seconds = (performance.now() - seen.started) / 1000;
    metrics.record(seen.operation, outcomeOf(this.statusCode, seen.errors), seconds);
    if (log.isLevelEnabled("debug")) {
      const requestId = this.getHeader(REQUEST_ID_HEADER);
      log.debug({ requestId, operation: seen.operation, status: this.statusCode, ms: Math.round(seconds * 1000) }, "graphql request");
    }
  }

  return {
    log,
    /**
     * First thing on every request: its id (the client's or a proxy's `X-Request-Id` when it looks
     * sane, else a new one) on the answer, where the paths calling subgraphs read it.
     */
    begin(req: IncomingMessage, res: ServerResponse): void {
      res.setHeader(REQUEST_ID_HEADER, requestIdFor(req.headers[REQUEST_ID_HEADER]));
    },
    /** Whether `path` is /healthz, /readyz or /metrics (then `answer` it). */
    isOperational(path: string): boolean {
      return OPERATIONAL_PATHS.has(path);
    },
    /** Answers /healthz, /readyz and (when allowed) /metrics; false when it did not answer (then /metrics is an unknown path). */
    answer(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
      return answerOperationalPath(req, res, path, { name: GATEWAY_SERVICE, readiness: options.readiness, metricsAllowed });
    },
    /** A GraphQL POST: counted once its answer is sent (by its operation name, once `named`). */
    graphqlRequest(res: ServerResponse): void {
      observations.set(res, { started: performance.now(), operation: undefined, errors: false });
      res.on("finish", finished); // `on`: `once` would wrap it in a closure per request
    },
    /** The operation name the request's body gave, else its document's (a persisted document's too). */
    named(res: ServerResponse, operationName: unknown, query: unknown): void {
      const seen = observations.get(res);
      if (seen) seen.operation = operationNameOf(operationName, query);
    },
  };
}

export type GatewayObservability = ReturnType<typeof createGatewayObservability>;

/** The id of the request being answered on `res` (set by `begin`). */
export function requestIdOf(res: ServerResponse | undefined): string | undefined {
  const id = res?.getHeader(REQUEST_ID_HEADER);
  return typeof id === "string" ? id : undefined;
}

/** The answer written on `res` carries GraphQL errors (its body starts with them, as subgraphs and the runtime write it). */
export function answeredWithErrors(res: ServerResponse, text: string): void {
  if (!text.startsWith('{"errors"')) return;
  const seen = observations.get(res);
  if (seen) seen.errors = true;
}

/**
 * The runtime's path: the operation name as it parsed it (a persisted document's too), whether its
 * result has errors, and the request id on each HTTP call to a subgraph.
 */
export function useRequestObservation(): GatewayPlugin {
  return {
    onParams({ params, context }) {
      const seen = observations.get((context as { res?: ServerResponse }).res as ServerResponse);
      if (seen) seen.operation ??= operationNameOf(params.operationName, params.query);
    },
    onResultProcess({ result, serverContext }) {
      const seen = observations.get((serverContext as { res?: ServerResponse }).res as ServerResponse);
      if (!seen || Symbol.asyncIterator in (result as object)) return;
      const results = Array.isArray(result) ? result : [result];
      if (results.some((one) => (one as { errors?: unknown[] }).errors?.length)) seen.errors = true;
    },
    onFetch({ context, options, setOptions }) {
      const requestId = requestIdOf((context as { res?: ServerResponse } | undefined)?.res);
      if (!requestId) return;
      const headers = new Headers(options.headers as HeadersInit | undefined);
      headers.set(REQUEST_ID_HEADER, requestId);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}

/** A subgraph call that failed the gateway's way: counted, and logged with the request's id. */
export function subgraphCallFailed(
  log: Logger,
  kind: "subgraph_timeout" | "subgraph_unreachable",
  requestId: string | undefined,
  message: string,
): void {
  countFailure(GATEWAY_SERVICE, kind);
  log.error({ requestId }, message);
}

/** An unexpected failure answered 500. */
export function internalFailure(log: Logger, error: unknown, res: ServerResponse): void {
  countFailure(GATEWAY_SERVICE, "internal");
  log.error({ err: error, requestId: requestIdOf(res) }, "request failed");
}
