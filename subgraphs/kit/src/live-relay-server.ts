import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { getOperationAST, GraphQLError, parse, validate, type ExecutionResult, type GraphQLSchema } from "graphql";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { CALLER_HEADER, isLiveRelay, SIGNATURE_HEADER, verifySocketCaller, verifySubscriptionCaller, type Caller } from "./caller.js";
import { DocumentCache, validationRules } from "./document-cache.js";
import { sharedSubscribe } from "./live-sharing.js";
import { logOf } from "./observability/logger.js";
import type { SubgraphContext } from "./server.js";

/**
 * The subgraph's end of the gateway's live relay (gateway/src/live-relay.ts): one WebSocket from
 * the gateway carries every client's subscription to this subgraph, each signed for its own caller
 * and operation and run as that caller. A change is executed once per audience (live-sharing.ts)
 * and sent ONCE per audience, naming every subscription it answers, so 1,000 staff watching one
 * business's invoices cost one execution and one frame here; the gateway writes the answer to each
 * client's socket.
 *
 * Messages, JSON, one per frame:
 * - gateway → subgraph: `{type:"subscribe", id, query, operationName?, variables?, caller, signature}`,
 *   `{type:"complete", id}` (the client stopped).
 * - subgraph → gateway: `{type:"next", ids:[…], payload}` (one answer for all these subscriptions),
 *   `{type:"complete", id}` (the subscription ended here, e.g. a member removed), `{type:"error",
 *   id, errors}` (refused: bad signature or document).
 * Only the gateway can open it: the upgrade must carry the relay's socket signature.
 */
export const LIVE_RELAY_PATH = "/live-relay";
const MAX_MESSAGE_BYTES = 1_000_000;

export interface LiveRelayServerOptions {
  schema: GraphQLSchema;
  gatewaySecret: string;
  production: boolean;
  contextFor: (caller: Caller) => SubgraphContext;
}

interface SubscribeMessage {
  type: "subscribe";
  id: string;
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  caller?: string;
  signature?: string;
}

export function createLiveRelayServer(options: LiveRelayServerOptions) {
  const wsServer = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const documents = new DocumentCache(options.schema, validationRules(!options.production));
  const subscribe = sharedSubscribe();

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const caller = verifySocketCaller(options.gatewaySecret, header(req, CALLER_HEADER), header(req, SIGNATURE_HEADER));
    if (!caller || !isLiveRelay(caller)) {
      socket.end("HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    wsServer.handleUpgrade(req, socket, head, (webSocket) => serve(webSocket));
  }

  function serve(socket: WebSocket): void {
    const running = new Map<string, AsyncIterator<ExecutionResult>>();
    // Answers produced in one turn of the event loop, by answer: subscribers of one audience get
    // the same object, so they leave in one frame.
    const outbox = new Map<ExecutionResult, string[]>();
    const completed: string[] = [];
    let flushing = false;
    const send = (message: unknown) => socket.send(JSON.stringify(message));
    const flush = () => {
      flushing = false;
      for (const [payload, ids] of outbox) send({ type: "next", ids, payload });
      outbox.clear();
      for (const id of completed.splice(0)) send({ type: "complete", id });
    };
    const later = () => {
      if (flushing) return;
      flushing = true;
      setImmediate(flush);
    };
    const next = (id: string, result: ExecutionResult) => {
      const ids = outbox.get(result);
      if (ids) ids.push(id);
      else outbox.set(result, [id]);
      later();
    };
    const complete = (id: string) => {
      if (!running.delete(id)) return;
      completed.push(id);
      later();
    };
    const refuse = (id: string, errors: readonly GraphQLError[]) => send({ type: "error", id, errors });

    async function start(message: SubscribeMessage): Promise<void> {
      const { id, query, operationName, variables } = message;
      if (running.has(id)) return refuse(id, [new GraphQLError(`Subscription "${id}" is already running`)]);
      const caller = verifySubscriptionCaller(options.gatewaySecret, message.caller, message.signature, {
        query,
        operationName,
        variables,
      });
      if (!caller)
        return refuse(id, [new GraphQLError("Missing or invalid gateway signature", { extensions: { code: "UNAUTHENTICATED" } })]);
      const document = documents.get(query);
      if (!document) return refuse(id, documentErrors(options.schema, query, !options.production));
      if (getOperationAST(document, operationName)?.operation !== "subscription")
        return refuse(id, [new GraphQLError("Only subscriptions are relayed")]);
      const placeholder: AsyncIterator<ExecutionResult> = { next: async () => ({ done: true, value: undefined }) };
      running.set(id, placeholder); // a "complete" arriving while it starts stops it once it has
      const result = await subscribe(
        {
          schema: options.schema,
          document,
          operationName,
          variableValues: variables ?? undefined,
          contextValue: options.contextFor(caller),
        },
        query,
      );
      if (!(Symbol.asyncIterator in result)) {
        if (running.get(id) === placeholder) next(id, result); // refused by its subscribe resolver
        return complete(id);
      }
      const iterator = result[Symbol.asyncIterator]();
      if (running.get(id) !== placeholder) return void iterator.return?.();
      running.set(id, iterator);
      for (;;) {
        const step = await iterator.next();
        if (step.done || running.get(id) !== iterator) break;
        next(id, step.value);
      }
      complete(id);
    }

    function stop(id: string): void {
      const iterator = running.get(id);
      running.delete(id);
      void iterator?.return?.();
    }

    socket.on("message", (data: RawData) => {
      let message: { type?: unknown; id?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return socket.close(4400, "Invalid message");
      }
      if (typeof message.id !== "string") return socket.close(4400, "Invalid message");
      if (message.type === "complete") return stop(message.id);
      if (message.type !== "subscribe" || typeof (message as SubscribeMessage).query !== "string")
        return socket.close(4400, "Invalid message");
      start(message as SubscribeMessage).catch((error: unknown) => {
        logOf("live-relay").error({ err: error }, "a subscription failed");
        refuse(message.id as string, [new GraphQLError("Internal server error")]);
        running.delete(message.id as string);
      });
    });
    socket.on("close", () => {
      for (const id of [...running.keys()]) stop(id);
    });
    socket.on("error", () => socket.terminate());
  }

  return {
    handleUpgrade,
    async close(): Promise<void> {
      for (const client of wsServer.clients) client.close(1001, "Going away");
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}

/** Why a document was refused, as validation reports it (rare: the gateway validated it first). */
function documentErrors(schema: GraphQLSchema, query: string, introspection: boolean): readonly GraphQLError[] {
  try {
    const errors = validate(schema, parse(query), validationRules(introspection));
    return errors.length > 0 ? errors : [new GraphQLError("Invalid document")];
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError("Invalid document")];
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
}
