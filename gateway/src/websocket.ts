import type { IncomingMessage, Server } from "node:http";
import { getGraphQLWSOptions, type GatewayRuntime } from "@graphql-hive/gateway-runtime";
import { CloseCode } from "graphql-ws";
import { useServer, type Extra } from "graphql-ws/use/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { isRevoked, type Authenticator, type Revocation } from "./authenticator.js";
import { newPortalRequest, portalContext, type PortalContext, type PortalRequest } from "./portal-auth.js";
import { nodeHeaders, requestFacts } from "./request-facts.js";
import { GRAPHQL_PATH } from "./runtime.js";

type ExtraPortal = { portal: PortalRequest };
type PortalExtra = Extra & Partial<ExtraPortal>;

export interface WebSocketGateway {
  /** Closes the sockets of ended sessions / revoked API keys with 4403 Forbidden. */
  closeRevoked(revocation: Revocation): number;
  stop(): Promise<void>;
}

/**
 * graphql-ws on the same path and port as HTTP. The client is authenticated once, when it sends
 * connection_init (cookie from the upgrade request, or an API key in connectionParams), and each
 * subscription is signed afresh so the subgraph sees a current signature.
 */
export function attachWebSocketServer(server: Server, runtime: GatewayRuntime<PortalContext>, options: { authenticator: Authenticator; secret: string; trustProxy: boolean }): WebSocketGateway {
  const wsServer = new WebSocketServer({ server, path: GRAPHQL_PATH });
  const sockets = new Map<WebSocket, PortalRequest>();
  const gatewayOptions = getGraphQLWSOptions<PortalContext, PortalExtra>(runtime as never, (ctx) => {
    return { req: ctx.extra.request, socket: ctx.extra.socket, request: upgradeRequest(ctx.extra.request), ...portalContext(options.secret, ctx.extra.portal!) };
  });

  const disposable = useServer<Record<string, unknown> | undefined, ExtraPortal>(
    {
      ...gatewayOptions,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const apiKeyParam = stringParam(params.Authorization) ?? stringParam(params.authorization);
        const facts = requestFacts(nodeHeaders(ctx.extra.request.headers), ctx.extra.request.socket.remoteAddress, options.trustProxy, apiKeyParam);
        try {
          const auth = await options.authenticator.authenticate(facts.credentials);
          ctx.extra.portal = newPortalRequest(facts, auth);
        } catch {
          return false; // identity unreachable: refuse rather than guess who this is
        }
        sockets.set(ctx.extra.socket, ctx.extra.portal);
        ctx.extra.socket.once("close", () => sockets.delete(ctx.extra.socket));
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

function stringParam(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A Fetch Request mirroring the upgrade request, for plugins that read `context.request`. */
function upgradeRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const name of ["host", "cookie", "user-agent", "authorization", "origin", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? GRAPHQL_PATH}`, { headers });
}
