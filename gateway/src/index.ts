import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { LogLevel } from "@graphql-hive/gateway-runtime";
import { LiveBus } from "@portal/kit";
import { Authenticator, type Revocation } from "./authenticator.js";
import { createFileRelay, FILES_PREFIX } from "./files.js";
import { forwardBuffered, readLimited } from "./node-bridge.js";
import type { OperationLimits } from "./operation-limits.js";
import { createPortalRuntime, GRAPHQL_PATH, HEALTH_PATHS } from "./runtime.js";
import { createSingleSubgraphPath } from "./single-subgraph.js";
import { createStaticHandler } from "./static-files.js";
import { createWebhookRelay, WEBHOOK_PREFIX } from "./webhooks.js";
import { attachWebSocketServer } from "./websocket.js";

export { GRAPHQL_PATH, CSRF_HEADERS } from "./runtime.js";
export { SESSION_COOKIE } from "./cookies.js";

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 2000 };
export const DEFAULT_MAX_BODY_BYTES = 100_000;
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
  /** Honour X-Forwarded-For/-Proto/-Host (only behind a proxy that sets them). */
  trustProxy?: boolean;
  limits?: Partial<OperationLimits>;
  maxBodyBytes?: number;
  authCacheTtlMs?: number;
  logging?: LogLevel | false;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Drops cached authentications and closes WebSockets of these sessions / API keys (also done on `auth.revoked`). */
  revoke(revocation: Revocation): void;
  stop(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = options.supergraphSdl ?? (options.supergraphPath ? await readFile(options.supergraphPath, "utf8") : undefined);
  if (!supergraphSdl) throw new Error("startGateway needs supergraphSdl or supergraphPath");
  const trustProxy = options.trustProxy ?? false;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const authenticator = new Authenticator({
    endpoint: new URL("/internal/authenticate", options.identityInternalUrl).toString(),
    secret: options.portalSecret,
    defaultBusinessSlug: options.defaultBusinessSlug,
    ttlMs: options.authCacheTtlMs,
  });
  const runtime = createPortalRuntime({
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    authenticator,
    secret: options.portalSecret,
    trustProxy,
    production: options.production,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    logging: options.logging ?? "info",
  });
  // Plan the supergraph before accepting traffic, so the first request is not the slow one.
  const apiSchema = await runtime.getSchema();
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const singleSubgraph = createSingleSubgraphPath({
    apiSchema, supergraphSdl, subgraphUrls: options.subgraphUrls, limits, production: options.production, authenticator, secret: options.portalSecret, trustProxy,
  });

  const relayWebhook = createWebhookRelay({ supergraphSdl, subgraphUrls: options.subgraphUrls, maxBodyBytes });
  const relayFile = createFileRelay({ supergraphSdl, subgraphUrls: options.subgraphUrls, authenticator, secret: options.portalSecret, trustProxy });

  const serveStatic = options.webDistDir ? createStaticHandler(options.webDistDir) : null;
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error("[gateway]", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: "Internal server error" }] }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "POST" && path.startsWith(WEBHOOK_PREFIX)) {
      if (Number(req.headers["content-length"] ?? 0) > maxBodyBytes) return tooLarge(res);
      return relayWebhook(req, res, path);
    }
    // Downloads, and uploads with their own size limit (checked by the relay, before the 100 kB one below).
    if ((req.method === "GET" || req.method === "HEAD" || req.method === "POST") && path.startsWith(FILES_PREFIX)) return relayFile(req, res, path);
    const isApi = path === GRAPHQL_PATH || HEALTH_PATHS.includes(path);
    if (!isApi && serveStatic && (req.method === "GET" || req.method === "HEAD")) return serveStatic(req, res);
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > maxBodyBytes) return tooLarge(res);
    if (path === GRAPHQL_PATH && req.method === "POST") {
      const body = await readLimited(req, maxBodyBytes);
      if (body === null) return tooLarge(res);
      if (await singleSubgraph.trySingleSubgraph(req, res, body)) return;
      return forwardBuffered(runtime, req, res, body);
    }
    if (req.headers["transfer-encoding"]) {
      // No declared length: read it ourselves, within the limit, before the runtime sees it.
      const body = await readLimited(req, maxBodyBytes);
      if (body === null) return tooLarge(res);
      return forwardBuffered(runtime, req, res, body);
    }
    return runtime(req, res);
  }

  const webSockets = attachWebSocketServer(server, runtime, { authenticator, secret: options.portalSecret, trustProxy });
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
    async stop() {
      await webSockets.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await live?.stop();
      singleSubgraph.close();
      await runtime.dispose();
    },
  };
}

function tooLarge(res: ServerResponse): void {
  res.writeHead(413, { "content-type": "application/json; charset=utf-8", connection: "close" });
  res.end(JSON.stringify({ errors: [{ message: "Request body too large", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }));
}
