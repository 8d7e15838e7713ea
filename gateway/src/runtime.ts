import { createGatewayRuntime, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import type { LogLevel } from "@graphql-hive/gateway-runtime";
import { signCaller } from "@portal/kit";
import type { Authenticator } from "./authenticator.js";
import { maskProductionError, useHiddenSuggestions } from "./error-policy.js";
import { useOperationLimits, type OperationLimits } from "./operation-limits.js";
import { sessionHeadersToCookie, usePortalAuth, type PortalContext } from "./portal-auth.js";

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
  trustProxy: boolean;
  production: boolean;
  limits: OperationLimits;
  logging: LogLevel | false;
}

export function createPortalRuntime(options: PortalRuntimeOptions): GatewayRuntime<PortalContext> {
  const locations = Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }]));
  return createGatewayRuntime<PortalContext>({
    supergraph: options.supergraphSdl,
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTH_PATHS[0],
    readinessCheckEndpoint: HEALTH_PATHS[1],
    transportEntries: {
      ...locations,
      // Subscriptions reach each subgraph over graphql-ws on its /graphql, signed like HTTP calls.
      "*.http": {
        options: {
          subscriptions: {
            kind: "ws",
            location: GRAPHQL_PATH,
            options: { connectionParams: { "x-portal-caller": "{context.portalCaller}", "x-portal-signature": "{context.portalSignature}" } },
          },
        },
      },
    },
    propagateHeaders: {
      // Signed per call, not per operation: a subscription's entity fetches can happen long after
      // it started, and subgraphs only accept fresh signatures over HTTP.
      fromClientToSubgraphs: ({ context }) => (context.portal ? signCaller(options.secret, { ...context.portal.caller, issuedAt: Date.now() }) : undefined),
      fromSubgraphsToClient: sessionHeadersToCookie(options.authenticator),
    },
    plugins: () => [
      useOperationLimits(options.limits),
      ...(options.production ? [useHiddenSuggestions()] : []),
      usePortalAuth({ authenticator: options.authenticator, secret: options.secret, trustProxy: options.trustProxy }),
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
