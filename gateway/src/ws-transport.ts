import type { IncomingMessage } from "node:http";
import {
  CloseCode,
  type Context,
  DEPRECATED_GRAPHQL_WS_PROTOCOL,
  handleProtocols,
  makeServer,
  type ServerOptions,
  type WebSocket as ProtocolSocket,
} from "graphql-ws";
import type { WebSocket, WebSocketServer } from "ws";
import { gatewayLog } from "./observability/index.js";

/** What each connection's graphql-ws context carries besides the protocol's own state. */
export interface SocketExtra {
  socket: WebSocket;
  /** The upgrade request's URL, the headers the gateway reads and the client address. */
  request: IncomingMessage;
  /** The connection's graphql-ws context, once it is known (connection_init). */
  connection?: Context<Record<string, unknown> | undefined, SocketExtra>;
}

export interface TransportOptions<E extends SocketExtra> {
  /** Ping every connection this often; one that has not answered by the next ping is cut. */
  keepAliveMs?: number;
  /**
   * Sees each message first: true when it took the message (then graphql-ws never sees it), false
   * to hand it to graphql-ws, or the text to hand graphql-ws instead (a persisted document resolved).
   */
  intercept?: (extra: E, text: string) => boolean | string;
  /** Called as soon as a socket closes, before graphql-ws ends its operations. */
  onClosed?: (extra: E) => void;
  /** The headers kept from the upgrade request for the connection's life. */
  keptHeaders: readonly string[];
}

const CONNECTION = Symbol("graphql-ws connection");
type Socket = WebSocket & { [CONNECTION]?: Connection<SocketExtra> };

/**
 * graphql-ws's own `useServer` (graphql-ws/use/ws) with what it holds per connection trimmed,
 * because a live page keeps its socket open for hours and a gateway holds thousands of them:
 * the upgrade request is reduced to its URL, the headers the gateway reads and the client address;
 * no received frame is kept alive by a handler still waiting on it; the connection is one object
 * with shared methods rather than a set of closures; and `intercept` lets the live relay take a
 * subscribe message without graphql-ws keeping an operation running for it. The protocol (close
 * codes, keep-alive pings every 12 s, internal errors) is graphql-ws's.
 */
export function serveGraphqlWs<E extends SocketExtra>(
  serverOptions: ServerOptions<Record<string, unknown> | undefined, E>,
  ws: WebSocketServer,
  options: TransportOptions<E>,
): { dispose: () => Promise<void> } {
  const keepAliveMs = options.keepAliveMs ?? 12_000;
  const server = makeServer(serverOptions);
  ws.options.handleProtocols = handleProtocols;

  ws.once("error", (error) => {
    gatewayLog().error({ err: error }, "the WebSocket server failed");
    for (const client of ws.clients) client.close(CloseCode.InternalServerError, internalError(error));
  });

  ws.on("connection", (socket: Socket, request: IncomingMessage) => {
    const extra = { socket, request: slimUpgradeRequest(request, options.keptHeaders) } as E;
    const connection = new Connection(socket, extra, options, keepAliveMs);
    socket[CONNECTION] = connection as unknown as Connection<SocketExtra>;
    socket.once("error", onSocketError);
    connection.closed = server.opened(connection, extra);
    socket.once("close", onSocketClose);
  });

  return {
    dispose: async () => {
      for (const client of ws.clients) client.close(1001, "Going away");
      ws.removeAllListeners();
      await new Promise<void>((resolve, reject) => ws.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** One client's socket as graphql-ws sees it, and its keep-alive. */
class Connection<E extends SocketExtra> implements ProtocolSocket {
  handle: ((data: string) => Promise<void>) | null = null;
  closed: ((code?: number, reason?: string) => Promise<void>) | null = null;
  /** A ping was sent and its pong has not come back yet. */
  awaitingPong = false;
  private readonly heartbeat: NodeJS.Timeout | null;

  constructor(
    readonly socket: Socket,
    readonly extra: E,
    readonly options: TransportOptions<E>,
    keepAliveMs: number,
  ) {
    this.heartbeat =
      keepAliveMs > 0 && Number.isFinite(keepAliveMs) ? (setInterval(beat, keepAliveMs, this) as unknown as NodeJS.Timeout) : null;
    if (this.heartbeat) socket.on("pong", onPong);
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  send(data: string): Promise<void> {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return Promise.resolve();
    return new Promise((resolve, reject) => socket.send(data, (error) => (error ? reject(error) : resolve())));
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handle: (data: string) => Promise<void>): void {
    this.handle = handle;
    this.socket.on("message", onSocketMessage);
  }

  receive(text: string): void {
    const intercepted = this.options.intercept?.(this.extra, text);
    if (intercepted === true) return;
    this.handle?.(typeof intercepted === "string" ? intercepted : text).catch((error: unknown) => {
      gatewayLog().error({ err: error }, "a WebSocket message could not be handled");
      this.socket.close(CloseCode.InternalServerError, internalError(error));
    });
  }

  /** Pings; a socket that did not answer the previous ping in time is cut. */
  beat(): void {
    const socket = this.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (this.awaitingPong) {
      socket.terminate();
      return;
    }
    this.awaitingPong = true;
    socket.ping();
  }

  ended(code: number, reason: Buffer): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.options.onClosed?.(this.extra);
    if (
      process.env.NODE_ENV !== "production" &&
      code === CloseCode.SubprotocolNotAcceptable &&
      this.protocol === DEPRECATED_GRAPHQL_WS_PROTOCOL
    )
      gatewayLog().warn(`a client asked for the unsupported, deprecated subprotocol "${this.protocol}" of subscriptions-transport-ws`);
    void this.closed?.(code, String(reason));
  }
}

// Listeners shared by every socket (`this` is the socket): no closure per connection.
function onSocketMessage(this: Socket, data: unknown): void {
  this[CONNECTION]?.receive(String(data));
}

function onSocketClose(this: Socket, code: number, reason: Buffer): void {
  this[CONNECTION]?.ended(code, reason);
}

function onSocketError(this: Socket, error: Error): void {
  gatewayLog().error({ err: error }, "a WebSocket failed");
  this.close(CloseCode.InternalServerError, internalError(error));
}

function onPong(this: Socket): void {
  const connection = this[CONNECTION];
  if (connection) connection.awaitingPong = false;
}

function beat(connection: Connection<SocketExtra>): void {
  connection.beat();
}

function internalError(error: unknown): string {
  if (process.env.NODE_ENV === "production") return "Internal server error";
  const reason = error instanceof Error ? error.message : String(error);
  return Buffer.byteLength(reason) < 124 ? reason : "Internal server error"; // a close reason fits in 123 bytes
}

/** The upgrade request's URL, the named headers and the client address; not the request with its stream state. */
function slimUpgradeRequest(req: IncomingMessage, keptHeaders: readonly string[]): IncomingMessage {
  const headers: Record<string, string | string[]> = {};
  for (const name of keptHeaders) {
    const value = req.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  return { url: req.url, headers, socket: { remoteAddress: req.socket.remoteAddress } } as IncomingMessage;
}
