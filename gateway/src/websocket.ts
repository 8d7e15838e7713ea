import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { getGraphQLWSOptions, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { parse } from "graphql";
import { CloseCode } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { isRevoked, type Authenticator, type Revocation } from "./authenticator.js";
import { newPortalRequest, portalContext, type PortalContext, type PortalRequest } from "./portal-auth.js";
import { InvalidHostError, nodeHeaders, requestFacts } from "./request-facts.js";
import type { createLiveRelay, RelayedOperation, RelayPlan, RelayTarget } from "./live-relay.js";
import { GRAPHQL_PATH } from "./runtime.js";

type LiveRelay = ReturnType<typeof createLiveRelay>;
type RelayContext = { relayPlan: RelayPlan; relayTarget: RelayTarget };
/** What graphql-ws is told a relayed operation is: a subscription (the relay has checked the real one). */
const RELAYED_DOCUMENT = parse("subscription Relayed { __typename }");

type ExtraPortal = { portal: PortalRequest };
type PortalExtra = Extra & Partial<ExtraPortal>;

export interface WebSocketGateway {
  /** Closes the sockets of ended sessions / revoked API keys with 4403 Forbidden. */
  closeRevoked(revocation: Revocation): number;
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
  options: { authenticator: Authenticator; secret: string; proxyHops: number; relay?: LiveRelay },
): WebSocketGateway {
  const wsServer = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? "/").split("?")[0];
    socket.on("error", () => socket.destroy()); // a client gone mid-handshake is no gateway error
    try {
      requestFacts(nodeHeaders(req.headers), req.socket.remoteAddress, options.proxyHops);
    } catch {
      return refuseUpgrade(socket, 400, { errors: [{ message: new InvalidHostError().message, extensions: { code: "BAD_REQUEST" } }] });
    }
    if (path !== GRAPHQL_PATH) return refuseUpgrade(socket, 404, { error: "not found" });
    wsServer.handleUpgrade(req, socket, head, (webSocket) => wsServer.emit("connection", webSocket, req));
  });
  const sockets = new Map<WebSocket, PortalRequest>();
  const gatewayOptions = getGraphQLWSOptions<PortalContext, PortalExtra>(runtime as never, (ctx) => {
    return {
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      request: upgradeRequest(ctx.extra.request),
      ...portalContext(options.secret, ctx.extra.portal!),
    };
  });
  // Subscriptions one subgraph answers go through the live relay: decided when the client
  // subscribes, without building the runtime's context for them (a Fetch Request and a signature
  // per subscription, held as long as it is open). Everything else goes to the runtime.
  const runtimeOnSubscribe = gatewayOptions.onSubscribe!;
  const runtimeSubscribe = gatewayOptions.subscribe!;
  gatewayOptions.onSubscribe = (ctx, id, payload) => {
    const plan = options.relay?.prepare(payload as RelayedOperation, ctx.extra.portal!);
    if (!plan) return runtimeOnSubscribe(ctx, id, payload);
    const relayContext: RelayContext = { relayPlan: plan, relayTarget: { socket: ctx.extra.socket, id } };
    return { document: RELAYED_DOCUMENT, contextValue: relayContext } as never;
  };
  gatewayOptions.subscribe = (args) => {
    const relayContext = args.contextValue as Partial<RelayContext>;
    if (relayContext.relayPlan && relayContext.relayTarget) return options.relay!.start(relayContext.relayPlan, relayContext.relayTarget);
    return runtimeSubscribe(args);
  };

  const disposable = useServer<Record<string, unknown> | undefined, ExtraPortal>(
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
        sockets.set(ctx.extra.socket, ctx.extra.portal);
        ctx.extra.socket.once("close", () => sockets.delete(ctx.extra.socket));
        // The socket may stay open for hours: keep only what the runtime's subscriptions read of the
        // upgrade request, not the request object with its stream state.
        (ctx.extra as { request: IncomingMessage }).request = slimUpgradeRequest(ctx.extra.request);
        return true;
      },
    },
    wsServer,
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

function stringParam(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The upgrade request's URL, headers and client address: what `upgradeRequest` and the runtime read. */
function slimUpgradeRequest(req: IncomingMessage): IncomingMessage {
  return { url: req.url, headers: req.headers, socket: { remoteAddress: req.socket.remoteAddress } } as IncomingMessage;
}

/** A Fetch Request mirroring the upgrade request, for plugins that read `context.request`. */
function upgradeRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const name of [
    "host",
    "cookie",
    "user-agent",
    "authorization",
    "origin",
    "x-forwarded-for",
    "x-forwarded-proto",
    "x-forwarded-host",
  ]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? GRAPHQL_PATH}`, { headers });
}
