import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { getGraphQLWSOptions, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { CloseCode, MessageType, type SubscribeMessage, validateMessage } from "graphql-ws";
import { WebSocketServer, type WebSocket } from "ws";
import { isRevoked, type Authenticator, type Revocation } from "./authenticator.js";
import { newPortalRequest, portalContext, type PortalContext, type PortalRequest } from "./portal-auth.js";
import { InvalidHostError, nodeHeaders, requestFacts } from "./request-facts.js";
import type { createLiveRelay, RelayedOperation } from "./live-relay.js";
import type { GatewayRateLimits } from "./rate-limits.js";
import type { Refusal, TrustedDocuments } from "./trusted-documents.js";
import { GRAPHQL_PATH } from "./runtime.js";
import { serveGraphqlWs, type SocketExtra } from "./ws-transport.js";

type LiveRelay = ReturnType<typeof createLiveRelay>;

/** The upgrade request's headers the gateway reads after the handshake (requestFacts, upgradeRequest). */
const KEPT_HEADERS = [
  "host",
  "cookie",
  "user-agent",
  "authorization",
  "origin",
  "x-forwarded-for",
  "x-forwarded-proto",
  "x-forwarded-host",
] as const;

type PortalExtra = SocketExtra & { portal?: PortalRequest };

export interface WebSocketGateway {
  /** Closes the sockets of ended sessions / revoked API keys with 4403 Forbidden. */
  closeRevoked(revocation: Revocation): number;
  /** Subscriptions open on every socket now (read at each metrics scrape, not counted per message). */
  openSubscriptions(): number;
  stop(): Promise<void>;
}

/**
 * graphql-ws on the same path and port as HTTP. The upgrade request's Host is checked like any
 * HTTP request's (400 JSON otherwise). The client is authenticated once, when it sends
 * connection_init (cookie from the upgrade request, or an API key in connectionParams), and each
 * subscription is signed afresh so the subgraph sees a current signature.
 */
export function attachWebSocketServer(
  server: Server,
  runtime: GatewayRuntime<PortalContext>,
  options: {
    authenticator: Authenticator;
    secret: string;
    proxyHops: number;
    relay?: LiveRelay;
    rateLimits?: GatewayRateLimits;
    trusted: TrustedDocuments;
  },
): WebSocketGateway {
  const wsServer = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "/").split("?")[0];
    // A client gone mid-handshake is no gateway error. A function of its own: a closure here would
    // keep this upgrade request alive as long as the socket.
    socket.on("error", destroySocket);
    try {
      requestFacts(nodeHeaders(req.headers), req.socket.remoteAddress, options.proxyHops);
    } catch {
      return refuseUpgrade(socket, 400, { errors: [{ message: new InvalidHostError().message, extensions: { code: "BAD_REQUEST" } }] });
    }
    if (path !== GRAPHQL_PATH) return refuseUpgrade(socket, 404, { error: "not found" });
    wsServer.handleUpgrade(req, socket, head, (webSocket) => wsServer.emit("connection", webSocket, req));
  });
  const sockets = new Map<WebSocket, PortalRequest>();
  /** graphql-ws's table of each acknowledged socket's subscriptions (the live relay's are in it too). */
  const subscriptionTables = new Map<WebSocket, Record<string, unknown>>();
  const gatewayOptions = getGraphQLWSOptions<PortalContext, PortalExtra>(runtime as never, (ctx) => {
    return {
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      request: upgradeRequest(ctx.extra.request),
      ...portalContext(options.secret, ctx.extra.portal!),
    };
  });

  /**
   * Subscriptions one subgraph answers go to the live relay as their subscribe message arrives,
   * without graphql-ws running an operation for them (its handler would hold the message, the
   * parsed payload and the signed caller for as long as the subscription is open). The relay's
   * subscription sits in graphql-ws's table under the client's id, so a `complete` from the
   * client, a reused id (4409) and the socket closing are handled by graphql-ws as for any other.
   * Everything else (not yet acknowledged, invalid, other operations) graphql-ws handles itself.
   * Every new subscribe is counted against the caller's rate limit first; one over it gets an
   * `error` message for its id and starts nothing. A persisted document's hash then becomes its
   * text (trusted-documents.ts): an unknown hash, or in production a browser's text that is not
   * one of the web app's documents, gets an `error` message too; graphql-ws is handed the resolved
   * message.
   */
  const relay = options.relay;
  const rateLimits = options.rateLimits;
  const trusted = options.trusted;
  const intercept = (extra: PortalExtra, text: string): boolean | string => {
    const connection = extra.connection;
    if (!connection?.acknowledged || !extra.portal) return false;
    let message: SubscribeMessage;
    try {
      message = JSON.parse(text);
    } catch {
      return false;
    }
    if (message?.type !== MessageType.Subscribe || typeof message.id !== "string" || message.id in connection.subscriptions) return false;
    if (rateLimits?.refuseSubscribe(extra.socket, message.id, extra.portal)) return true;
    const payload = message.payload as RelayedOperation | undefined;
    if (!payload || typeof payload !== "object") return false;
    const resolution = trusted.resolveHash(payload);
    if (resolution === "not-found") return sendRefusal(extra.socket, message.id, trusted.notFound);
    if (!trusted.admitsText(payload.query, extra.portal.auth.actor.kind)) return sendRefusal(extra.socket, message.id, trusted.refused);
    try {
      validateMessage(message);
    } catch {
      return false; // graphql-ws closes the socket for it (4400)
    }
    const plan = relay?.prepare(payload, extra.portal);
    if (relay && plan) {
      connection.subscriptions[message.id] = relay.start(plan, { socket: extra.socket, id: message.id, connection });
      return true;
    }
    return resolution === "resolved" ? JSON.stringify(message) : false;
  };

  const disposable = serveGraphqlWs<PortalExtra>(
    {
      ...gatewayOptions,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const apiKeyParam = stringParam(params.Authorization) ?? stringParam(params.authorization);
        const facts = requestFacts(
          nodeHeaders(ctx.extra.request.headers),
          ctx.extra.request.socket.remoteAddress,
          options.proxyHops,
          apiKeyParam,
        );
        try {
          const auth = await options.authenticator.authenticate(facts.credentials);
          ctx.extra.portal = newPortalRequest(facts, auth);
        } catch {
          return false; // identity unreachable: refuse rather than guess who this is
        }
        // The caller's count so far on every gateway, for its first subscribe.
        await options.rateLimits?.prepare(ctx.extra.portal);
        // Gone while identity answered: nothing to acknowledge, and nothing to keep for it.
        if (ctx.extra.socket.readyState !== ctx.extra.socket.OPEN) return false;
        ctx.extra.connection = ctx as never;
        sockets.set(ctx.extra.socket, ctx.extra.portal);
        subscriptionTables.set(ctx.extra.socket, ctx.subscriptions);
        return true;
      },
    },
    wsServer,
    {
      intercept,
      onClosed: (extra) => {
        sockets.delete(extra.socket);
        subscriptionTables.delete(extra.socket);
      },
      keptHeaders: KEPT_HEADERS,
    },
  );

  return {
    closeRevoked({ sessionIds = [], apiKeyIds = [] }) {
      const sessions = new Set(sessionIds);
      const keys = new Set(apiKeyIds);
      let closed = 0;
      for (const [socket, portal] of sockets) {
        if (!isRevoked(portal.auth.actor, sessions, keys)) continue;
        socket.close(CloseCode.Forbidden, "Forbidden");
        sockets.delete(socket);
        closed++;
      }
      return closed;
    },
    openSubscriptions() {
      let open = 0;
      for (const table of subscriptionTables.values()) for (const _id in table) open++;
      return open;
    },
    async stop() {
      for (const socket of wsServer.clients) socket.close(1001, "Going away");
      await disposable.dispose();
    },
  };
}

/** A plain HTTP answer on the upgrade's socket, then closed. */
function refuseUpgrade(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  const reason = status === 400 ? "Bad Request" : "Not Found";
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  );
}

/** An `error` message for the subscription: it starts nothing, and the socket stays open. */
function sendRefusal(socket: WebSocket, id: string, refusal: Refusal): true {
  socket.send(JSON.stringify({ id, type: MessageType.Error, payload: refusal.errors }));
  return true;
}

function stringParam(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function destroySocket(this: Duplex): void {
  this.destroy();
}

/** A Fetch Request mirroring the upgrade request, for plugins that read `context.request`. */
function upgradeRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? GRAPHQL_PATH}`, { headers });
}
