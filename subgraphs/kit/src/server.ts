import { ApolloServer, HeaderMap, type BaseContext } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import type { MikroORM } from "@mikro-orm/postgresql";
import type { GraphQLSchema } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Socket } from "node:net";
import { channel } from "node:diagnostics_channel";
import type { Duplex } from "node:stream";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { WebSocketServer } from "ws";
import { CALLER_HEADER, SIGNATURE_HEADER, verifyBody, verifyCaller, verifySocketCaller, type Caller } from "./caller.js";
import {
  answerBatch,
  BATCH_PATH,
  COLOCATED_HEADER,
  colocatedHeader,
  PART_START_CHANNEL,
  type PartAnswer,
  parseBatch,
  serveColocated,
} from "./colocation.js";
import { forkFor, type EntityManager } from "./db.js";
import { GraphQLHttp, type GraphQLHttpAnswer } from "./graphql-http.js";
import { createLiveRelayServer, LIVE_RELAY_PATH } from "./live-relay-server.js";
import { sharedSubscribe } from "./live-sharing.js";
import {
  answerOperationalPath,
  collectProcessMetrics,
  countFailure,
  databaseCheck,
  logger,
  OPERATIONAL_PATHS,
  operationNameOf,
  outcomeOf,
  type ReadinessCheck,
  REQUEST_ID_HEADER,
  RequestMetrics,
  saneRequestId,
} from "./observability/index.js";
import type { GraphQLError } from "graphql";

/** What every resolver receives. */
export interface SubgraphContext extends BaseContext {
  caller: Caller;
  em: EntityManager;
  /**
   * Headers for the gateway, not the client (e.g. `x-portal-set-session`): the gateway turns them
   * into cookies. Ignored on WebSocket operations.
   */
  setResponseHeader: (name: string, value: string) => void;
  /** The gateway's id of this request (`x-request-id`), for log lines; undefined on WebSocket operations. */
  requestId?: string;
}

/** Internal, signed, non-GraphQL endpoints (e.g. the gateway's authentication call). */
export type InternalHandler = (body: unknown) => Promise<unknown>;

/** A third party's call as received: the exact bytes (signatures cover them) and its headers. */
export interface WebhookRequest {
  body: Buffer;
  headers: IncomingHttpHeaders;
}

export interface WebhookResponse {
  status: number;
  body?: unknown;
}

/**
 * `POST /webhooks/<name>` from a third party (e.g. a payment provider), relayed by the gateway. No
 * gateway signature is required because the gateway is not the sender: the handler must verify the
 * sender's own signature on the raw body.
 */
export type WebhookHandler = (request: WebhookRequest) => Promise<WebhookResponse>;

/** A signed `GET`, `HEAD` or `POST /files/<name>/<path>` from the gateway, on behalf of the verified caller. */
export interface FileRequest {
  caller: Caller;
  method: "GET" | "HEAD" | "POST";
  /** What follows `/files/<name>/`, e.g. `invoices/<id>.pdf`. */
  path: string;
  /** Request headers (e.g. `content-type`, `x-file-name` of an upload). */
  headers: IncomingHttpHeaders;
  /** The raw request body of a POST (an upload, at most MAX_UPLOAD_BYTES); undefined otherwise. */
  body?: Buffer;
  em: EntityManager;
}

export interface FileResponse {
  status: number;
  contentType: string;
  /** Offered to the browser as a download under this name. */
  fileName?: string;
  body: Buffer;
}

/**
 * Downloads (e.g. invoice PDFs) at `GET /files/<name>/...` and uploads at `POST /files/<name>/...`.
 * Like /graphql they require the gateway's caller signature; the handler authorizes the caller itself
 * and answers 404 for what it does not serve (including methods it does not take).
 */
export type FileHandler = (request: FileRequest) => Promise<FileResponse>;

export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  gatewaySecret: string;
  port: number;
  host?: string;
  production: boolean;
  internal?: Record<string, InternalHandler>;
  webhooks?: Record<string, WebhookHandler>;
  files?: Record<string, FileHandler>;
  /** Largest upload a `POST /files/...` may carry (default MAX_UPLOAD_BYTES; courses take 20 MB downloads). */
  maxUploadBytes?: number;
  /** What /readyz checks besides the process not stopping (default: the database answers `select 1`). */
  readiness?: ReadinessCheck;
}

export interface RunningSubgraph {
  server: Server;
  url: string;
  stop: () => Promise<void>;
}

/** What a GraphQL request's metrics and log line say of it. */
interface Seen {
  requestId: string | undefined;
  operation: string | undefined;
  errors: boolean;
}

const MAX_BODY_BYTES = 1_000_000;
const partChannel = channel(PART_START_CHANNEL);
/** Largest file a `POST /files/...` upload may carry. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const httpServer = createServer();
  const unsentRequests = trackConnectionsWithoutRequest(httpServer);
  const wsServer = new WebSocketServer({ noServer: true });
  const contextFor = (caller: Caller, responseHeaders?: Map<string, string>, requestId?: string): SubgraphContext => ({
    caller,
    em: forkFor(options.orm, caller.businessId),
    setResponseHeader: (name, value) => responseHeaders?.set(name.toLowerCase(), value),
    requestId,
  });
  const log = logger().child({ service: options.name });
  const metrics = new RequestMetrics(options.name);
  collectProcessMetrics();
  const readyWhen = options.readiness ?? databaseCheck(options.orm);
  const readiness: ReadinessCheck = async () => (stopped ? "stopping" : readyWhen());
  /** Errors no resolver meant (no `extensions.code`): the client sees "Internal server error", the log says why. */
  const logUnexpected = (errors: readonly GraphQLError[] | undefined, requestId: string | undefined, operation: string | undefined) => {
    for (const error of errors ?? []) {
      if (error.extensions?.code) continue;
      log.error({ err: error.originalError ?? error, requestId, operation, path: error.path?.join(".") }, "a resolver failed");
    }
  };

  const wsCleanup = useServer(
    {
      schema: options.schema,
      // The gateway signs the caller into connectionParams for this purpose only (an HTTP pair does
      // not open a socket); anything else is refused at connect.
      onConnect: (ctx) => {
        const params = (ctx.connectionParams ?? {}) as Record<string, unknown>;
        const headers = (params.headers ?? params) as Record<string, string | undefined>;
        const caller = verifySocketCaller(options.gatewaySecret, headers[CALLER_HEADER], headers[SIGNATURE_HEADER]);
        if (!caller) return false;
        (ctx.extra as unknown as { caller?: Caller }).caller = caller;
        return true;
      },
      context: (ctx) => contextFor((ctx.extra as unknown as { caller: Caller }).caller),
      // A change is executed once per audience, not once per subscriber (live-sharing.ts).
      subscribe: sharedSubscribe(),
    },
    wsServer,
  );
  // The gateway's live relay: every client's subscription to this subgraph over one socket.
  const liveRelay = createLiveRelayServer({
    schema: options.schema,
    gatewaySecret: options.gatewaySecret,
    production: options.production,
    contextFor: (caller) => contextFor(caller),
  });
  httpServer.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const path = (req.url ?? "/").split("?")[0];
    if (path === "/graphql") wsServer.handleUpgrade(req, socket, head, (webSocket) => wsServer.emit("connection", webSocket, req));
    else if (path === LIVE_RELAY_PATH) liveRelay.handleUpgrade(req, socket, head);
    else socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });

  const apollo = new ApolloServer<SubgraphContext>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: !options.production,
    csrfPrevention: false, // only the gateway calls subgraphs, and every call is signed
    // The process entry point stops everything on SIGTERM/SIGINT; Apollo's own handler would race it
    // and leave the shutdown hanging.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart() {
          return {
            async didEncounterErrors({ errors, contextValue, request }) {
              logUnexpected(errors, contextValue.requestId, request.operationName ?? undefined);
            },
          };
        },
      },
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
              await liveRelay.close();
            },
          };
        },
      },
    ],
  });
  await apollo.start();
  // Ordinary operations skip Apollo's per-request pipeline; Apollo answers everything else.
  const graphql = new GraphQLHttp({ schema: options.schema, production: options.production });
  let stopped = false;

  httpServer.on("request", (req, res) => {
    handle(req, res).catch((error) => {
      countFailure(options.name, "internal");
      log.error({ err: error, requestId: saneRequestId(req.headers[REQUEST_ID_HEADER]), path: req.url }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Internal server error" }] });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://subgraph");
    if (url.pathname === "/health") return sendJson(res, 200, { ok: true, subgraph: options.name });
    if (OPERATIONAL_PATHS.has(url.pathname) && (await answerOperationalPath(req, res, url.pathname, { name: options.name, readiness })))
      return;
    if (url.pathname.startsWith("/webhooks/")) return handleWebhook(req, res, url.pathname.slice("/webhooks/".length));
    if (url.pathname.startsWith("/files/")) return handleFile(req, res, url.pathname.slice("/files/".length));
    const raw = await readRawBody(req);
    if (raw === null) return sendJson(res, 413, { errors: [{ message: "Request body too large" }] });
    const body = raw.toString("utf8");

    if (url.pathname.startsWith("/internal/")) {
      const handler = options.internal?.[url.pathname.slice("/internal/".length)];
      if (!handler || req.method !== "POST") return sendJson(res, 404, { error: "not found" });
      if (!verifyBody(options.gatewaySecret, body, header(req, "x-portal-timestamp"), header(req, SIGNATURE_HEADER))) {
        return sendJson(res, 401, { error: "invalid signature" });
      }
      return sendJson(res, 200, await handler(JSON.parse(body)));
    }

    if (url.pathname === BATCH_PATH && req.method === "POST") return answerBatchRequest(req, res, raw, body);
    if (url.pathname !== "/graphql") return sendJson(res, 404, { error: "not found" });
    const started = performance.now();
    const seen: Seen = { requestId: saneRequestId(req.headers[REQUEST_ID_HEADER]), operation: undefined, errors: false };
    try {
      await answerGraphql(req, res, url, raw, body, seen);
    } finally {
      const seconds = (performance.now() - started) / 1000;
      metrics.record(seen.operation, outcomeOf(res.statusCode, seen.errors), seconds);
      if (log.isLevelEnabled("debug"))
        log.debug(
          { requestId: seen.requestId, operation: seen.operation, status: res.statusCode, ms: Math.round(seconds * 1000) },
          "graphql request",
        );
    }
  }

  async function answerGraphql(req: IncomingMessage, res: ServerResponse, url: URL, raw: Buffer, body: string, seen: Seen) {
    const caller = verifiedCaller(req, raw);
    if (!caller) {
      return sendJson(res, 401, { errors: [{ message: "Missing or invalid gateway signature", extensions: { code: "UNAUTHENTICATED" } }] });
    }
    const request = parseJson(body);
    const fields = request as { operationName?: unknown; query?: unknown } | undefined;
    seen.operation = operationNameOf(fields?.operationName, fields?.query);
    const colocated = colocatedHeader();
    if (colocated) res.setHeader(COLOCATED_HEADER, colocated);
    const accept = header(req, "accept");
    const answer = await answerOrdinary(req.method, request, accept, caller, seen.requestId, seen.operation);
    if (answer) {
      res.statusCode = answer.status;
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      if (answer.errors) seen.errors = true;
      return res.end(answer.body);
    }
    const responseHeaders = new Map<string, string>();
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "POST", headers, search: url.search, body: request },
      context: async () => contextFor(caller, responseHeaders, seen.requestId),
    });
    res.statusCode = result.status ?? 200;
    if (result.body.kind === "complete" && result.body.string.startsWith('{"errors"')) seen.errors = true;
    if (req.method === "POST" && res.statusCode === 200) graphql.learnContentType(accept, result.headers.get("content-type"));
    for (const [key, value] of result.headers) res.setHeader(key, value);
    for (const [key, value] of responseHeaders) res.setHeader(key, value);
    if (result.body.kind === "complete") return res.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  /** The gateway's batch of fetches for subgraphs of this process (colocation.ts), signed once for all. */
  async function answerBatchRequest(req: IncomingMessage, res: ServerResponse, raw: Buffer, body: string) {
    const caller = verifiedCaller(req, raw);
    if (!caller) {
      return sendJson(res, 401, { errors: [{ message: "Missing or invalid gateway signature", extensions: { code: "UNAUTHENTICATED" } }] });
    }
    const batch = parseBatch(body);
    if (!batch) return sendJson(res, 400, { error: "not a batch" });
    const text = await answerBatch(batch, caller, options.gatewaySecret, saneRequestId(req.headers[REQUEST_ID_HEADER]));
    res.statusCode = 200;
    res.setHeader("content-type", "application/json");
    const colocated = colocatedHeader();
    if (colocated) res.setHeader(COLOCATED_HEADER, colocated);
    res.end(text);
  }

  /**
   * One part of a batch, answered by this subgraph as `answerGraphql` answers an ordinary POST; null
   * for anything else (the gateway then sends that part on its own, where Apollo answers it).
   */
  async function answerPart(caller: Caller, body: string, requestId: string | undefined): Promise<PartAnswer | null> {
    if (stopped) return null;
    // Tools that watch this server's requests (the statement recorder) see a part as one of them.
    if (partChannel.hasSubscribers) partChannel.publish({ server: httpServer });
    const started = performance.now();
    const request = parseJson(body);
    const fields = request as { operationName?: unknown; query?: unknown } | undefined;
    const name = operationNameOf(fields?.operationName, fields?.query);
    let answer: Awaited<ReturnType<typeof answerOrdinary>>;
    try {
      answer = await answerOrdinary("POST", request, "application/json", caller, requestId, name);
    } catch (error) {
      countFailure(options.name, "internal");
      log.error({ err: error, requestId, operation: name }, "request failed");
      answer = { status: 500, headers: [], body: JSON.stringify({ errors: [{ message: "Internal server error" }] }) };
    }
    if (!answer) return null;
    metrics.record(name, outcomeOf(answer.status, Boolean(answer.errors)), (performance.now() - started) / 1000);
    return { status: answer.status, headers: Object.fromEntries(answer.headers), body: answer.body };
  }

  /**
   * An ordinary operation on the kit's short path (graphql-http.ts), for a POST of its own or a
   * batch's part: the answer with the resolvers' response headers after the path's own, unexpected
   * errors logged; null when Apollo must answer it (or the server is stopping).
   */
  async function answerOrdinary(
    method: string | undefined,
    request: unknown,
    accept: string | undefined,
    caller: Caller,
    requestId: string | undefined,
    operationName: string | undefined,
  ): Promise<GraphQLHttpAnswer | null> {
    const operation = stopped ? null : graphql.prepare(method, request, accept);
    if (!operation) return null;
    const responseHeaders = new Map<string, string>();
    const answer = await graphql.run(operation, contextFor(caller, responseHeaders, requestId));
    if (!answer) return null;
    if (answer.errors) logUnexpected(answer.errors, requestId, operationName);
    return { ...answer, headers: [...answer.headers, ...responseHeaders] };
  }

  async function handleWebhook(req: IncomingMessage, res: ServerResponse, name: string) {
    const handler = Object.hasOwn(options.webhooks ?? {}, name) ? options.webhooks![name] : undefined;
    if (!handler || req.method !== "POST") return sendJson(res, 404, { error: "not found" });
    const body = await readRawBody(req);
    if (body === null) return sendJson(res, 413, { error: "Request body too large" });
    const answer = await handler({ body, headers: req.headers });
    return sendJson(res, answer.status, answer.body ?? {});
  }

  async function handleFile(req: IncomingMessage, res: ServerResponse, rest: string) {
    const slash = rest.indexOf("/");
    const name = slash < 0 ? rest : rest.slice(0, slash);
    const handler = Object.hasOwn(options.files ?? {}, name) ? options.files![name] : undefined;
    const method = req.method === "GET" || req.method === "HEAD" || req.method === "POST" ? req.method : null;
    if (!handler || slash < 0 || !method) return sendJson(res, 404, { error: "not found" });
    const unsigned = () => sendJson(res, 401, { error: "Missing or invalid gateway signature" });
    // Unsigned uploads are refused before their bytes are read; a signed one is read, since the
    // signature covers the body.
    if (!header(req, CALLER_HEADER) || !header(req, SIGNATURE_HEADER)) return unsigned();
    let body: Buffer | undefined;
    if (method === "POST") {
      const declared = Number(header(req, "content-length") ?? 0);
      const limit = options.maxUploadBytes ?? MAX_UPLOAD_BYTES;
      const raw = declared > limit ? null : await readRawBody(req, limit, true);
      if (raw === null) {
        res.setHeader("connection", "close");
        return sendJson(res, 413, {
          error: { field: "file", message: `The file is too large (at most ${limit / 1024 / 1024} MB).` },
        });
      }
      body = raw;
    }
    const caller = verifiedCaller(req, body);
    if (!caller) return unsigned();
    let path: string;
    try {
      path = decodeURIComponent(rest.slice(slash + 1));
    } catch {
      return sendJson(res, 404, { error: "not found" });
    }
    const file = await handler({ caller, method, path, headers: req.headers, body, em: forkFor(options.orm, caller.businessId) });
    res.statusCode = file.status;
    res.setHeader("content-type", file.contentType);
    res.setHeader("content-length", file.body.length);
    res.setHeader("cache-control", "private, no-store");
    if (file.fileName) res.setHeader("content-disposition", `attachment; filename="${file.fileName.replace(/["\\\r\n]/g, "_")}"`);
    res.end(req.method === "HEAD" ? undefined : file.body);
  }

  /** The gateway's signature must cover this request's method, target and body (a GET's is empty). */
  function verifiedCaller(req: IncomingMessage, body: Buffer | undefined): Caller | null {
    const request = { method: req.method ?? "GET", path: req.url ?? "/", body };
    return verifyCaller(options.gatewaySecret, header(req, CALLER_HEADER), header(req, SIGNATURE_HEADER), request);
  }

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const leaveColocation = serveColocated(port, { name: options.name, secret: options.gatewaySecret, answer: answerPart });
  return {
    server: httpServer,
    url: `http://${options.host ?? "127.0.0.1"}:${port}/graphql`,
    async stop() {
      stopped = true;
      leaveColocation();
      // The drain ends every connection holding no request at once; one accepted or kept alive just
      // before the stop (a balancer's last request, sent as this instance left its rotation) may not
      // have delivered its request yet, and ending it would fail that request. Those get a moment.
      await unsentRequests.settled(CONNECTION_SETTLE_MS);
      await apollo.stop();
    },
  };
}

/** How long a stop waits for connections accepted without a request yet, or just used, to send theirs. */
const CONNECTION_SETTLE_MS = 500;

/**
 * The server's connections that may be about to deliver a request: accepted without one yet, or
 * kept alive after answering one within the last `CONNECTION_SETTLE_MS` (a balancer may have sent
 * its next request on it just before taking this instance out of its rotation; the drain would end
 * such a connection as idle, failing that request with ECONNRESET). `settled` waits until each has
 * delivered a request or closed (or `ms` passed); once the stop has begun, answers close their
 * connection, so a client does not send another on it.
 */
function trackConnectionsWithoutRequest(server: Server) {
  const waiting = new Set<Socket>();
  const answeredAt = new Map<Socket, number>();
  let stopping = false;
  let onChange: (() => void) | null = null;
  const forget = (socket: Socket) => {
    const changed = waiting.delete(socket);
    if (answeredAt.delete(socket) || changed) onChange?.();
  };
  server.on("connection", (socket: Socket) => {
    waiting.add(socket);
    socket.once("close", () => forget(socket));
  });
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    forget(req.socket);
    if (stopping) res.shouldKeepAlive = false;
    res.once("finish", () => {
      if (!stopping && !req.socket.destroyed) answeredAt.set(req.socket, Date.now());
    });
  });
  server.on("upgrade", (req: IncomingMessage) => forget(req.socket)); // a WebSocket: closed by its own server's stop
  return {
    async settled(ms: number): Promise<void> {
      stopping = true;
      const since = Date.now() - ms;
      for (const [socket, at] of answeredAt) if (at < since) answeredAt.delete(socket);
      if (waiting.size === 0 && answeredAt.size === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          onChange = null;
          resolve();
        }
        onChange = () => {
          if (waiting.size === 0 && answeredAt.size === 0) done();
        };
      });
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The body, or null when it exceeds `limit`. By default the connection is cut at once; with `drain`
 * the rest is read and dropped so that the caller can still answer (e.g. 413 to an upload).
 */
function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES, drain = false): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (!drain) {
        resolve(null);
        req.destroy();
      } else chunks.length = 0;
    });
    req.on("end", () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function parseJson(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body; // Apollo Server answers 400 for a body it cannot use
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(value));
}
