import { liveRelayCaller, signSocketCaller, signSubscriptionCaller } from "@portal/kit";
import { buildASTSchema, GraphQLError, parse, type ExecutionResult, type GraphQLSchema } from "graphql";
import WebSocket from "ws";
import { documentCache, documentChecker, graphUrls } from "./direct-upstream.js";
import { type FormattedError, maskFormattedErrors } from "./error-policy.js";
import { gatewayLog } from "./observability/index.js";
import type { OperationLimits } from "./operation-limits.js";
import type { PortalRequest } from "./portal-auth.js";
import { routeOf, type Route } from "./single-subgraph.js";
import { sectionUnavailable } from "./subgraph-failures.js";

/**
 * Subscriptions that one subgraph answers (every live field today) skip the runtime. The gateway
 * keeps ONE WebSocket per subgraph (the kit's live-relay-server.ts) for all its clients'
 * subscriptions, sends each one signed for its own caller and operation, and the subgraph answers
 * a change once per audience, in one frame naming every subscription it answers. The gateway
 * serialises that answer once and writes it to each client's socket, under the client's own
 * subscription id: per subscriber, a change costs one socket write.
 *
 * Through the runtime, every client cost its own upstream socket, and every change was executed
 * again for each subscriber in the subgraph and in the gateway (docs/performance.md, "Live updates").
 *
 * Authorization is the subgraph's, per subscriber, as before: it authorizes each subscription with
 * its own caller when it starts and filters every message for it. Revoking a session closes the
 * client's socket (websocket.ts), which ends its subscriptions here and upstream.
 *
 * Only the happy path comes here: a subscription document that validates with the runtime's rules
 * and whose every field one subgraph resolves by itself. Anything else goes to the runtime.
 */
export interface LiveRelayOptions {
  apiSchema: GraphQLSchema;
  supergraphSdl: string;
  subgraphUrls?: Record<string, string>;
  limits: OperationLimits;
  secret: string;
  production: boolean;
}

/** The subscription as the client sent it (graphql-ws's subscribe payload). */
export interface RelayedOperation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

/** The client's end: its socket, the id it gave the subscription and its graphql-ws connection. */
export interface RelayTarget {
  socket: WebSocket;
  id: string;
  /** graphql-ws's state of the client's connection: its table of open subscriptions by id. */
  connection: { subscriptions: Record<string, unknown> };
}

const RELAY_PATH = "/live-relay";
/** How long an upstream socket with no subscription left stays open, for the next one. */
const IDLE_SOCKET_MS = 30_000;
const PING_EVERY_MS = 15_000;

export function createLiveRelay(options: LiveRelayOptions) {
  const supergraph = buildASTSchema(parse(options.supergraphSdl), { assumeValidSDL: true });
  const urls = graphUrls(supergraph, options.subgraphUrls ?? {});
  const check = documentChecker(options.apiSchema, options.limits);
  const routes = documentCache<Route | null>();
  const upstreams = new Map<string, Upstream>();
  let relayed = 0;

  function routeFor(query: string, operationName: string | undefined): Route | null {
    return routes(query, operationName, () => {
      const document = check(query);
      const route = document ? routeOf(supergraph, document, operationName, urls, "subscription") : null;
      return route?.url.startsWith("http://") ? route : null;
    });
  }

  function upstreamFor(route: Route): Upstream {
    let upstream = upstreams.get(route.url);
    if (!upstream) {
      const url = new URL(RELAY_PATH, route.url.replace(/^http:/, "ws:")).toString();
      upstream = new Upstream(url, route.subgraph, options.secret, options.production, () => upstreams.delete(route.url));
      upstreams.set(route.url, upstream);
    }
    return upstream;
  }

  /**
   * The subscription signed for its upstream, or null when the runtime must take it. Decided when
   * the client subscribes; `start` sends it.
   */
  function prepare(operation: RelayedOperation, portal: PortalRequest): RelayPlan | null {
    const { query, operationName, variables, extensions } = operation;
    if (typeof query !== "string" || (operationName != null && typeof operationName !== "string")) return null;
    if (variables != null && (typeof variables !== "object" || Array.isArray(variables))) return null;
    if (extensions != null && (typeof extensions !== "object" || Object.keys(extensions).some((key) => key !== "clientLibrary")))
      return null;
    const route = routeFor(query, operationName ?? undefined);
    if (!route) return null;
    const upstream = { query: route.query, operationName: route.operationName, variables: variables ?? undefined };
    const signed = signSubscriptionCaller(options.secret, portal.caller, upstream);
    return { route, message: { ...upstream, caller: signed.caller, signature: signed.signature } };
  }

  /**
   * Sends a prepared subscription. Its answers, its errors and its end are written straight to
   * `target`; what is returned goes into graphql-ws's table of the client's subscriptions, where
   * graphql-ws calls its `return()` when the client completes it or the socket closes.
   */
  function start(plan: RelayPlan, target: RelayTarget): RelayedSubscription {
    relayed++;
    return upstreamFor(plan.route).subscribe(plan.message, target);
  }

  return {
    prepare,
    start,
    /** How many subscriptions were relayed since the start. */
    relayed: () => relayed,
    /** How many upstream sockets are open or opening (one per subgraph with subscribers). */
    upstreamSockets: () => upstreams.size,
    close() {
      for (const upstream of [...upstreams.values()]) upstream.close();
    },
  };
}

/** A subscription the relay will take: its subgraph and the message that subscribes upstream. */
export interface RelayPlan {
  route: Route;
  message: UpstreamSubscribe;
}

interface UpstreamSubscribe {
  query: string;
  operationName?: string;
  variables?: unknown;
  caller: string;
  signature: string;
}

/**
 * One relayed subscription, as small as it can be: a gateway holds one per open live page, for
 * hours. No closures and no waiting promise: the subgraph's answers are written to the client's
 * socket as they arrive, and graphql-ws only needs `return()` (client completed it, socket closed).
 */
export class RelayedSubscription {
  /** `{"id":…,"type":"next","payload":` for this client's subscription. */
  readonly prefix: string;
  private upstream: Upstream | null;

  constructor(
    upstream: Upstream,
    readonly upstreamId: string,
    private readonly target: RelayTarget,
  ) {
    this.upstream = upstream;
    this.prefix = `{"id":${JSON.stringify(target.id)},"type":"next","payload":`;
  }

  /** Writes one answer, already serialised as `<prefix-less payload>}`. */
  write(suffix: string): void {
    const socket = this.target.socket;
    if (socket.readyState === WebSocket.OPEN) socket.send(this.prefix + suffix);
  }

  /**
   * The subgraph ended it (completed, refused, or went away): the client is told as graphql-ws
   * tells it of an operation's end, its errors in one `next` and then `complete`, unless the
   * client had already completed it.
   */
  end(errors?: readonly FormattedError[]): void {
    if (!this.upstream) return;
    this.upstream = null;
    const { socket, id, connection } = this.target;
    if (connection.subscriptions[id] !== this) return;
    delete connection.subscriptions[id];
    if (socket.readyState !== WebSocket.OPEN) return;
    if (errors)
      socket.send(JSON.stringify({ id, type: "next", payload: { errors: errors.map((error) => asGraphQLError(error).toJSON()) } }));
    socket.send(JSON.stringify({ id, type: "complete" }));
  }

  /** graphql-ws: the client completed the subscription or its socket closed. */
  async return(): Promise<IteratorResult<never, undefined>> {
    const upstream = this.upstream;
    this.upstream = null;
    upstream?.cancel(this);
    return { done: true, value: undefined };
  }

  async throw(error: unknown): Promise<never> {
    await this.return();
    throw error;
  }

  /** Never iterated: graphql-ws recognises an operation it can end by these methods. */
  async next(): Promise<IteratorResult<never, undefined>> {
    return { done: true, value: undefined };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** The socket to one subgraph's relay endpoint and the subscriptions it carries. */
class Upstream {
  private readonly socket: WebSocket;
  private readonly subscribers = new Map<string, RelayedSubscription>();
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly pinger: NodeJS.Timeout;

  constructor(
    url: string,
    private readonly subgraph: string,
    secret: string,
    private readonly production: boolean,
    private readonly forget: () => void,
  ) {
    this.socket = new WebSocket(url, {
      headers: signSocketCaller(secret, liveRelayCaller()),
      maxPayload: 10_000_000,
      perMessageDeflate: false,
    });
    this.socket.on("message", (data) => this.receive(String(data)));
    this.socket.on("error", (error) => gatewayLog().error(`live relay to ${subgraph}: ${error.message}`));
    this.socket.on("close", () => this.lost());
    this.pinger = setInterval(() => this.socket.readyState === WebSocket.OPEN && this.socket.ping(), PING_EVERY_MS);
    this.pinger.unref();
  }

  subscribe(operation: UpstreamSubscribe, target: RelayTarget): RelayedSubscription {
    const subscription = new RelayedSubscription(this, String(++this.nextId), target);
    this.subscribers.set(subscription.upstreamId, subscription);
    this.clearIdle();
    this.send({ type: "subscribe", id: subscription.upstreamId, ...operation });
    return subscription;
  }

  /** The client ended it: the subgraph stops it. */
  cancel(subscription: RelayedSubscription): void {
    if (this.subscribers.get(subscription.upstreamId) !== subscription) return;
    this.send({ type: "complete", id: subscription.upstreamId });
    this.forgetSubscription(subscription);
  }

  /** The subgraph ended it, with errors to tell the client or none. */
  private ended(subscription: RelayedSubscription, errors?: readonly FormattedError[]): void {
    this.forgetSubscription(subscription);
    // graphql-ws serialises errors with GraphQLError's toJSON.
    subscription.end(errors && (this.production ? maskFormattedErrors(errors) : errors));
  }

  private forgetSubscription(subscription: RelayedSubscription): void {
    this.subscribers.delete(subscription.upstreamId);
    this.idleCheck();
  }

  close(): void {
    this.socket.close(1001, "Going away");
  }

  private send(message: unknown): void {
    const text = JSON.stringify(message);
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(text);
    else if (this.socket.readyState === WebSocket.CONNECTING) this.socket.once("open", () => this.socket.send(text));
  }

  private receive(text: string): void {
    let message: { type?: string; id?: string; ids?: string[]; payload?: ExecutionResult; errors?: FormattedError[] };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.type === "next" && Array.isArray(message.ids)) {
      let payload = message.payload as ExecutionResult;
      if (this.production && payload?.errors) payload = { ...payload, errors: maskFormattedErrors(payload.errors as never) } as never;
      // One serialisation per answer, then one write per subscriber.
      const suffix = `${JSON.stringify(payload)}}`;
      for (const id of message.ids) this.subscribers.get(id)?.write(suffix);
    } else if (message.type === "complete" && message.id) {
      const subscription = this.subscribers.get(message.id);
      if (subscription) this.ended(subscription);
    } else if (message.type === "error" && message.id) {
      const subscription = this.subscribers.get(message.id);
      if (subscription) this.ended(subscription, message.errors ?? []);
    }
  }

  /** The subgraph went away: its subscriptions end, telling each client the section is unavailable. */
  private lost(): void {
    clearInterval(this.pinger);
    this.clearIdle();
    this.forget();
    const error = sectionUnavailable(this.subgraph);
    const unavailable = { message: error.message, extensions: { code: error.extensions.code } };
    for (const subscription of [...this.subscribers.values()]) this.ended(subscription, [unavailable]);
  }

  private idleCheck(): void {
    if (this.subscribers.size > 0 || this.idleTimer) return;
    this.idleTimer = setTimeout(() => this.close(), IDLE_SOCKET_MS);
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

function asGraphQLError({ message, path, extensions }: FormattedError): GraphQLError {
  return new GraphQLError(message, { path, extensions });
}
