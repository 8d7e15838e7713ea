import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LogLevel } from "@graphql-hive/gateway-runtime";
import { LiveBus } from "@portal/kit";
import { AuthenticationUnavailableError, Authenticator, type Revocation } from "./authenticator.js";
import { createFileRelay, FILES_PREFIX } from "./files.js";
import { createReferralRedirect, REFERRAL_PREFIX } from "./referral-links.js";
import { forwardBuffered, readLimited } from "./node-bridge.js";
import type { OperationLimits } from "./operation-limits.js";
import { InvalidHostError, nodeHeaders, requestFacts } from "./request-facts.js";
import { createPortalRuntime, GRAPHQL_PATH, HEALTH_PATHS } from "./runtime.js";
import { parseJsonPost, readGraphqlPost } from "./direct-upstream.js";
import { createLiveRelay } from "./live-relay.js";
import { createPlannedQueryPath } from "./planned-query.js";
import { createRateLimits, type RateLimitSettings } from "./rate-limits.js";
import { createSingleSubgraphPath } from "./single-subgraph.js";
import { createStaticHandler } from "./static-files.js";
import { createTrustedDocuments, DEFAULT_TRUSTED_DOCUMENTS_PATH, refusalAnswer, type Refusal } from "./trusted-documents.js";
import { portalUnavailableAnswer } from "./subgraph-failures.js";
import { createWebhookRelay, WEBHOOK_PREFIX } from "./webhooks.js";
import { attachWebSocketServer } from "./websocket.js";
import { createGatewayObservability, internalFailure } from "./observability/index.js";
import { runtimeLogger } from "./observability/runtime-logger.js";
import { reportOpenSubscriptions, type Logger } from "@portal/kit";

export { GRAPHQL_PATH, CSRF_HEADERS } from "./runtime.js";
export { SESSION_COOKIE } from "./cookies.js";
export { DEFAULT_RATE_LIMITS, type RateLimitSettings } from "./rate-limits.js";

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 2000 };
export const DEFAULT_MAX_BODY_BYTES = 100_000;
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 5_000;
export const REVOKED_TOPIC = "auth.revoked";

export interface GatewayOptions {
  port: number;
  host?: string;
  /** The composed supergraph, as SDL or as a file path. */
  supergraphSdl?: string;
  supergraphPath?: string;
  /** Overrides the URLs written in the supergraph, by subgraph name. */
  subgraphUrls?: Record<string, string>;
  /** identity's base URL (its /graphql URL works too); the gateway calls POST /internal/authenticate there. */
  identityInternalUrl: string;
  portalSecret: string;
  /** Only used to LISTEN for `auth.revoked` on the live channel; without it revocations wait for the cache TTL. */
  databaseUrl?: string;
  defaultBusinessSlug?: string;
  production: boolean;
  /** Built web app to serve next to /graphql, with index.html for client-side routes. */
  webDistDir?: string;
  /**
   * How many reverse proxies we run in front of the gateway (TRUST_PROXY): the client IP is taken
   * that many hops from the right of X-Forwarded-For, and X-Forwarded-Proto/-Host are read only when
   * it is at least 1. 0 (the default) believes no forwarded header.
   */
  trustProxy?: number;
  /** Budget of every call to a subgraph (GraphQL, files, webhooks, authentication); 5 s by default. */
  subgraphTimeoutMs?: number;
  limits?: Partial<OperationLimits>;
  maxBodyBytes?: number;
  authCacheTtlMs?: number;
  logging?: LogLevel | false;
  /**
   * METRICS_TOKEN: /metrics answers only requests with `Authorization: Bearer <token>`. Without
   * one it is served in development only (never in production).
   */
  metricsToken?: string;
  /**
   * Answer queries one subgraph can answer, or whose plan is simple, without the runtime's request
   * pipeline (single-subgraph.ts, planned-query.ts), and relay subscriptions one subgraph answers
   * (live-relay.ts). On by default; off, the runtime answers every request (tests compare the two).
   */
  directPaths?: boolean;
  /**
   * Operations per window per API key, session and anonymous client IP (rate-limits.ts; missing
   * values from DEFAULT_RATE_LIMITS). Shared through `databaseUrl`'s PostgreSQL across gateway
   * instances, else counted by this instance alone. Omitted: no limits (main.ts always sets them).
   */
  rateLimits?: Partial<RateLimitSettings>;
  /**
   * The web app's persisted documents (trusted-documents.ts): codegen's manifest (sha256 of each
   * operation's text → text), as a path or the map; web/src/gql/persisted-documents.json by default.
   * A request may name one of them by hash instead of sending its text.
   */
  trustedDocuments?: string | Record<string, string>;
  /**
   * Browsers (a session cookie or no credentials) may run only those documents; API keys any
   * operation. By default on in production when the gateway serves the web app (`webDistDir`).
   */
  trustedDocumentsOnly?: boolean;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Drops cached authentications and closes WebSockets of these sessions / API keys (also done on `auth.revoked`). */
  revoke(revocation: Revocation): void;
  /**
   * How many GraphQL POSTs each path answered since the start (the direct paths' fallbacks count as
   * runtime), how many subscriptions the live relay took and over how many upstream sockets.
   */
  answeredBy(): { singleSubgraph: number; planned: number; runtime: number; relayedSubscriptions: number; relaySockets: number };
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = options.supergraphSdl ?? (options.supergraphPath ? await readFile(options.supergraphPath, "utf8") : undefined);
  if (!supergraphSdl) throw new Error("startGateway needs supergraphSdl or supergraphPath");
  const proxyHops = options.trustProxy ?? 0;
  if (!Number.isInteger(proxyHops) || proxyHops < 0) throw new Error("trustProxy must be a whole number of proxy hops (0 for none)");
  const timeoutMs = options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
  let stopping = false;
  const observability = createGatewayObservability({
    production: options.production,
    metricsToken: options.metricsToken,
    // Listening means the supergraph is loaded: its schema is built before the port opens.
    readiness: async () => (stopping ? "stopping" : null),
  });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const directPaths = options.directPaths ?? true;
  const authenticator = new Authenticator({
    endpoint: new URL("/internal/authenticate", options.identityInternalUrl).toString(),
    secret: options.portalSecret,
    defaultBusinessSlug: options.defaultBusinessSlug,
    ttlMs: options.authCacheTtlMs,
    timeoutMs,
  });
  const runtime = createPortalRuntime({
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    authenticator,
    secret: options.portalSecret,
    proxyHops,
    subgraphTimeoutMs: timeoutMs,
    production: options.production,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    logging: options.logging === false ? false : runtimeLogger(options.logging ?? "info"),
  });
  // Plan the supergraph before accepting traffic, so the first request is not the slow one.
  const apiSchema = await runtime.getSchema();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const singleSubgraph = createSingleSubgraphPath({
    apiSchema,
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    limits,
    production: options.production,
    authenticator,
    secret: options.portalSecret,
    timeoutMs,
  });
  const plannedQueries = createPlannedQueryPath({
    apiSchema,
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    limits,
    authenticator,
    secret: options.portalSecret,
    timeoutMs,
  });

  const relayWebhook = createWebhookRelay({ supergraphSdl, subgraphUrls: options.subgraphUrls, maxBodyBytes, timeoutMs });
  const relayFile = createFileRelay({
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    authenticator,
    secret: options.portalSecret,
    timeoutMs,
  });

  const redirectReferral = createReferralRedirect({
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    authenticator,
    secret: options.portalSecret,
    timeoutMs,
  });

  const rateLimits = options.rateLimits ? await createRateLimits(options.rateLimits, authenticator, options.databaseUrl) : null;
  const trustedDocumentsOnly = options.trustedDocumentsOnly ?? (options.production && options.webDistDir !== undefined);
  const trusted = createTrustedDocuments({
    manifest: options.trustedDocuments ?? DEFAULT_TRUSTED_DOCUMENTS_PATH,
    only: trustedDocumentsOnly,
    reload: !options.production,
    authenticator,
  });
  const answered = { singleSubgraph: 0, planned: 0, runtime: 0 };
  const serveStatic = options.webDistDir ? createStaticHandler(options.webDistDir) : null;
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => answerFailure(res, error, observability.log));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    observability.begin(req, res);
    const path = (req.url ?? "/").split("?")[0];
    // Probes and Prometheus, whatever the Host (an orchestrator calls the pod's address).
    if (observability.isOperational(path) && (await observability.answer(req, res, path))) return;
    // First, on every other path: a malformed Host (or trusted X-Forwarded-Host) is answered 400
    // here, before it can reach a URL, a business lookup or a subgraph.
    const facts = requestFacts(nodeHeaders(req.headers), req.socket.remoteAddress, proxyHops);
    if (req.method === "POST" && path.startsWith(WEBHOOK_PREFIX)) {
      if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) return tooLarge(res);
      return relayWebhook(req, res, path);
    }
    // Downloads, and uploads with their own size limit (checked by the relay, before the 100 kB one below).
    if ((req.method === "GET" || req.method === "HEAD" || req.method === "POST") && path.startsWith(FILES_PREFIX))
      return relayFile(req, res, path, facts);
    // Affiliate links: record the click and redirect to the link's landing page.
    if ((req.method === "GET" || req.method === "HEAD") && path.startsWith(REFERRAL_PREFIX)) return redirectReferral(req, res, path, facts);
    const isApi = path === GRAPHQL_PATH || HEALTH_PATHS.includes(path);
    if (!isApi && serveStatic && (req.method === "GET" || req.method === "HEAD")) return serveStatic(req, res);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBodyBytes) return tooLarge(res);
    const counted = path === GRAPHQL_PATH && (req.method === "POST" || req.method === "GET");
    if (counted && req.method === "POST") observability.graphqlRequest(res);
    if (counted && rateLimits && !(await rateLimits.admitHttp(res, facts))) return;
    if (path === GRAPHQL_PATH && req.method === "POST") {
      const body = await readLimited(req, maxBodyBytes);
      if (body === null) return tooLarge(res);
      // A persisted document's hash becomes its text here, once, for every path below; in
      // production a browser sending any other text is refused (trusted-documents.ts).
      const parsed = parseJsonPost(req, body);
      let admission = trusted.admit(parsed, facts);
      if (admission instanceof Promise) admission = await admission;
      if (typeof admission === "object") return refuse(req, res, admission);
      observability.named(res, parsed?.operationName, parsed?.query);
      // Serialised again only for the runtime, when the direct paths leave it the request.
      const forwarded = () => (admission === "resolved" ? Buffer.from(JSON.stringify(parsed)) : body);
      // Queries first try the direct paths (one subgraph, then a plan made once per document);
      // whatever they leave, from refused documents to partial failures, the runtime answers.
      const payload = directPaths ? readGraphqlPost(req, parsed) : null;
      if (payload) {
        if (await singleSubgraph.trySingleSubgraph(req, res, payload, facts)) return void answered.singleSubgraph++;
        const planned = await plannedQueries.tryPlanned(req, res, payload, facts);
        if (planned === true) return void answered.planned++;
        answered.runtime++;
        if (planned) return forwardBuffered(runtime, req, res, forwarded(), { portalFacts: facts, portalUnavailable: planned.unavailable });
      } else answered.runtime++;
      return forwardBuffered(runtime, req, res, forwarded(), { portalFacts: facts });
    }
    if (req.headers["transfer-encoding"]) {
      // No declared length: read it ourselves, within the limit, before the runtime sees it.
      const body = await readLimited(req, maxBodyBytes);
      if (body === null) return tooLarge(res);
      return forwardBuffered(runtime, req, res, body, { portalFacts: facts });
    }
    if (path === GRAPHQL_PATH && req.method === "GET") {
      const admitted = await trusted.admitQueryString(req.url ?? "", facts);
      if (!("url" in admitted)) return refuse(req, res, admitted);
      req.url = admitted.url;
    }
    return runtime(req, res, { portalFacts: facts });
  }

  const liveRelay = directPaths
    ? createLiveRelay({
        apiSchema,
        supergraphSdl,
        subgraphUrls: options.subgraphUrls,
        limits,
        secret: options.portalSecret,
        production: options.production,
      })
    : undefined;
  const webSockets = attachWebSocketServer(server, runtime, {
    authenticator,
    secret: options.portalSecret,
    proxyHops,
    relay: liveRelay,
    rateLimits: rateLimits ?? undefined,
    trusted,
  });
  const unreport = reportOpenSubscriptions("gateway", () => webSockets.openSubscriptions());
  const revoke = (revocation: Revocation) => {
    authenticator.revoke(revocation);
    webSockets.closeRevoked(revocation);
  };

  const live = options.databaseUrl ? new LiveBus(options.databaseUrl) : null;
  if (live) {
    await live.start();
    live.on((message) => {
      if (message.topic === REVOKED_TOPIC) revoke(message.data as Revocation);
    });
    // Revocations announced while the bus was down were not heard: ask identity afresh.
    live.onReconnected(() => authenticator.forgetAll());
  }

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const publicHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;

  return {
    url: `http://${publicHost}:${port}${GRAPHQL_PATH}`,
    port,
    revoke,
    answeredBy: () => ({
      ...answered,
      relayedSubscriptions: liveRelay?.relayed() ?? 0,
      relaySockets: liveRelay?.upstreamSockets() ?? 0,
    }),
    async stop() {
      stopping = true;
      unreport();
      await webSockets.stop();
      liveRelay?.close();
      await drain(server, timeoutMs);
      await live?.stop();
      singleSubgraph.close();
      plannedQueries.close();
      authenticator.close();
      redirectReferral.close();
      await rateLimits?.close();
      await runtime.dispose();
    },
  };
}

/** A refused Host is the client's mistake (400); identity not answering is an outage (503); the rest 500. */
function answerFailure(res: ServerResponse, error: unknown, log: Logger): void {
  if (error instanceof InvalidHostError) {
    answerJson(res, 400, { errors: [{ message: error.message, extensions: { code: "BAD_REQUEST" } }] }, true);
  } else if (error instanceof AuthenticationUnavailableError) {
    answerJson(res, 503, portalUnavailableAnswer());
  } else {
    internalFailure(log, error, res);
    answerJson(res, 500, { errors: [{ message: "Internal server error" }] });
  }
}

function answerJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  // The request body may not have been read: close rather than parse what follows as a request.
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
    ...(close ? { connection: "close" } : {}),
  });
  res.end(JSON.stringify(body));
}

function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
  const answer = refusalAnswer(req, refusal);
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

function tooLarge(res: ServerResponse): void {
  res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(JSON.stringify({ errors: [{ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }));
}

/**
 * Stops taking connections and lets the requests in flight finish (a rolling restart or a scale-down
 * then fails none), closing each kept-alive connection as soon as it is idle; whatever still runs
 * after `graceMs` (the subgraph budget, so a request that could still succeed is given its time) is
 * cut.
 */
async function drain(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  const cutAt = setTimeout(() => server.closeAllConnections(), graceMs);
  server.closeIdleConnections();
  await closed;
  clearInterval(idleSweep);
  clearTimeout(cutAt);
}
