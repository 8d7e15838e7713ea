import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import type { LogLevel } from "@graphql-hive/gateway-runtime";
import type { Logger as HiveLogger } from "@graphql-hive/logger";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { requestTarget, signCaller } from "@portal/kit";
import type { Authenticator } from "./authenticator.js";
import { maskProductionError, useHiddenSuggestions } from "./error-policy.js";
import { useRequestObservation } from "./observability/index.js";
import { useOperationLimits, type OperationLimits } from "./operation-limits.js";
import { sessionHeadersToCookie, usePortalAuth, type PortalContext } from "./portal-auth.js";
import { useSubgraphFailures } from "./subgraph-failures.js";

export const GRAPHQL_PATH = "/graphql";
/** Liveness (process answers) and readiness (supergraph loaded), like the subgraphs' /health. */
export const HEALTH_PATHS = ["/health", "/readiness"];

/** Custom headers a browser cannot send cross-site without a CORS preflight. */
export const CSRF_HEADERS = ["x-portal-csrf", "apollo-require-preflight", "x-apollo-operation-name", "graphql-preflight"];

export interface PortalRuntimeOptions {
  supergraphSdl: string;
  /** Overrides the URLs written in the supergraph, by subgraph name. */
  subgraphUrls?: Record<string, string>;
  authenticator: Authenticator;
  secret: string;
  /** Reverse proxies in front of the gateway whose X-Forwarded-* headers are believed (TRUST_PROXY). */
  proxyHops: number;
  /** How long one subgraph call may take before its fields are answered as unavailable. */
  subgraphTimeoutMs: number;
  production: boolean;
  limits: OperationLimits;
  /** A level for Hive's own console logger, or a logger (the portal's, see observability/runtime-logger.ts). */
  logging: LogLevel | false | HiveLogger;
}

export function createPortalRuntime(options: PortalRuntimeOptions): GatewayRuntime<PortalContext> {
  const locations = Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }]));
  return createGatewayRuntime<PortalContext>({
    supergraph: options.supergraphSdl,
    // Hive Router's query planner (Rust, through a native addon) and its executor: planning in
    // JavaScript was the gateway's largest cost per request (docs/performance.md).
    unifiedGraphHandler,
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTH_PATHS[0],
    readinessCheckEndpoint: HEALTH_PATHS[1],
    transportEntries: {
      ...locations,
      // Subscriptions reach each subgraph over graphql-ws on its /graphql, with connectionParams
      // signed for opening a socket (see portalContext).
      "*.http": {
        options: {
          // The executor would merge identical queries in flight to one subgraph call and share its
          // answer, keyed by URL and body only: the caller is signed into the headers after that
          // (useSubgraphSignatures), so two people asking the same thing at once got one person's data.
          deduplicateInflightRequests: false,
          subscriptions: {
            kind: "ws",
            location: GRAPHQL_PATH,
            options: {
              connectionParams: { "x-portal-caller": "{context.portalCaller}", "x-portal-signature": "{context.portalSignature}" },
            },
          },
        },
      },
    },
    propagateHeaders: {
      fromSubgraphsToClient: sessionHeadersToCookie(options.authenticator),
    },
    // Every HTTP call to a subgraph gets the same budget; a subscription is a long-lived stream
    // and has none (its entity fetches are queries and do).
    upstreamTimeout: ({ executionRequest }) => (executionRequest?.operationType === "subscription" ? undefined : options.subgraphTimeoutMs),
    plugins: () => [
      useOperationLimits(options.limits),
      ...(options.production ? [useHiddenSuggestions()] : []),
      usePortalAuth({ authenticator: options.authenticator, secret: options.secret, proxyHops: options.proxyHops }),
      useSubgraphSignatures(options.secret),
      useRequestObservation(),
      useSubgraphFailures(),
    ],
    csrfPrevention: { requestHeaders: CSRF_HEADERS },
    // The web app is served from the gateway's own origin and integrators call server to server,
    // so no browser on another origin needs to read our answers.
    cors: false,
    disableIntrospection: options.production ? {} : undefined,
    maskedErrors: options.production ? { maskError: maskProductionError } : true,
    graphiql: !options.production,
    landingPage: false,
    requestId: false,
    logging: options.logging,
  });
}

/**
 * Signs each HTTP call to a subgraph for exactly that call: its method, path and body (the query
 * the runtime planned, e.g. an `_entities` fetch), so a captured pair cannot run anything else.
 * Signed per fetch, not per operation: a subscription's entity fetches can come long after it started.
 */
function useSubgraphSignatures(secret: string): GatewayPlugin<PortalContext> {
  return {
    onFetch({ context, url, options, setOptions }) {
      const portal = (context as Partial<PortalContext> | undefined)?.portal;
      if (!portal) return;
      const body = options.body ?? "";
      if (typeof body !== "string") return; // the runtime posts JSON text; anything else goes unsigned and is refused
      const signed = signCaller(secret, portal.caller, { method: options.method ?? "GET", path: requestTarget(url), body });
      const headers = new Headers(options.headers as HeadersInit | undefined);
      for (const [name, value] of Object.entries(signed)) headers.set(name, value);
      setOptions({ ...options, headers: Object.fromEntries(headers) });
    },
  };
}
