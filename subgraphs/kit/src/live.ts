import pg from "pg";
import { logOf } from "./observability/logger.js";
import { sql, type EntityManager } from "./db.js";

/**
 * Live updates over PostgreSQL LISTEN/NOTIFY. A change is announced with `announce()` inside the
 * transaction that makes it, so PostgreSQL delivers it only on commit and to every process that
 * listens, whichever instance made the change. Payloads carry ids, not data: listeners re-read
 * what they are allowed to see.
 */
export const LIVE_CHANNEL = "portal_live";

export interface LiveMessage<D = Record<string, unknown>> {
  topic: string;
  businessId: string | null;
  data: D;
}

export async function announce(em: EntityManager, message: LiveMessage): Promise<void> {
  await sql(em, `select pg_notify(?, ?)`, [LIVE_CHANNEL, JSON.stringify(message)]);
}

/**
 * Where a subscription iterator carries its audience (read by the subgraph server's shared
 * execution, live-sharing.ts).
 */
export const LIVE_AUDIENCE = Symbol("portal.liveAudience");

export interface LiveSubscribeOptions {
  /**
   * Subscribers of one business with the same audience, operation and variables get the same
   * answer to a change: it is executed once, with the first such subscriber's context, and shared
   * (live-sharing.ts). The resolver promises that its answer depends on nothing else about the
   * subscriber: e.g. "staff" when every staff reader sees the same view, `contact:<id>` for one
   * contact's own data, `group:<id>` for a feed whose payload holds no per-member field. Without an
   * audience, each subscriber's answer is executed on its own.
   */
  audience?: string;
  /** A message that ends this subscription (it completes; the client is told so). */
  endWhen?: (message: LiveMessage) => boolean;
}

type Listener = (message: LiveMessage) => void;
type ChannelListener = (payload: string) => void;

/** Reconnection waits 0.5 s, doubling up to 30 s, so a long database outage costs little. */
const RECONNECT_FIRST_DELAY_MS = 500;
const RECONNECT_MAX_DELAY_MS = 30_000;

export class LiveBus {
  private client: pg.Client | null = null;
  private listeners = new Set<Listener>();
  /** Other channels heard over the same connection (see `listen`), with their raw payloads. */
  private channels = new Map<string, Set<ChannelListener>>();
  /** The channels each connection LISTENs on. */
  private listening = new WeakMap<pg.Client, Set<string>>();
  private reconnectListeners = new Set<() => void>();
  private closed = false;
  private reconnecting = false;
  private wakeReconnect: (() => void) | null = null;

  constructor(private readonly databaseUrl: string) {}

  async start(): Promise<void> {
    const client = await this.connect();
    this.client = client;
    await this.listenOn(client); // a channel added while connecting
  }

  /**
   * One LISTEN connection. When it is lost (a database restart cuts it, raising `error` and then
   * `end`), a single reconnection loop takes over; the dead client keeps its handlers so a late
   * error from it can never go unhandled and end the process.
   */
  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    let ended = false;
    const lost = (reason: string) => {
      ended = true;
      if (this.client !== client) return; // still connecting, or already replaced
      this.client = null;
      void this.reconnect(reason);
    };
    client.on("notification", (note) => {
      if (note.channel === LIVE_CHANNEL) {
        if (note.payload) this.deliver(note.payload);
      } else this.deliverRaw(note.channel, note.payload ?? "");
    });
    client.on("error", (error) => lost(error.message));
    client.on("end", () => lost("connection closed"));
    try {
      await client.connect();
      await client.query(`listen ${LIVE_CHANNEL}`);
      this.listening.set(client, new Set([LIVE_CHANNEL]));
      await this.listenOn(client);
      if (ended) throw new Error("connection closed while starting to listen");
      return client;
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  private async reconnect(reason: string): Promise<void> {
    if (this.reconnecting || this.closed) return;
    this.reconnecting = true;
    logOf("live").warn(`connection lost (${reason}); reconnecting`);
    for (let delay = RECONNECT_FIRST_DELAY_MS; !this.closed; delay = Math.min(delay * 2, RECONNECT_MAX_DELAY_MS)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeReconnect = () => (clearTimeout(timer), resolve());
      });
      this.wakeReconnect = null;
      if (this.closed) break;
      try {
        const client = await this.connect();
        if (this.closed) {
          await client.end().catch(() => undefined);
          break;
        }
        this.client = client;
        await this.listenOn(client).catch(() => undefined); // a channel added while connecting; a failure here is a lost connection, handled by its events
        logOf("live").warn("reconnected; updates sent while disconnected were missed");
        for (const listener of this.reconnectListeners) listener();
        break;
      } catch {
        /* still unreachable: wait longer */
      }
    }
    this.reconnecting = false;
  }

  /** Anyone may NOTIFY the channel; a payload that is not ours, or a listener that throws, must not end the process. */
  private deliver(payload: string) {
    let message: LiveMessage;
    try {
      message = JSON.parse(payload) as LiveMessage;
    } catch {
      logOf("live").warn("ignored a notification that is not JSON");
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch (error) {
        logOf("live").error({ err: error }, "a listener failed");
      }
    }
  }

  private deliverRaw(channel: string, payload: string) {
    for (const listener of this.channels.get(channel) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        logOf("live").error({ err: error, channel }, `a listener of ${channel} failed`);
      }
    }
  }

  /** LISTENs on every added channel this connection does not listen on yet. */
  private async listenOn(client: pg.Client): Promise<void> {
    const listening = this.listening.get(client);
    if (!listening) return;
    for (const channel of this.channels.keys()) {
      if (listening.has(channel)) continue;
      listening.add(channel);
      await client.query(`listen "${channel}"`);
    }
  }

  /**
   * Hears another NOTIFY channel over this bus's one connection (so it costs no connection of its
   * own), with its raw payload. Like live messages, notifications sent while the connection is down
   * are missed: see `onReconnected`. Resolves once the channel is listened on (or, while the
   * connection is down, once it is registered; the reconnection listens on it).
   */
  async listen(channel: string, listener: ChannelListener): Promise<() => void> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel) || channel === LIVE_CHANNEL) throw new Error(`Cannot listen on channel "${channel}"`);
    const listeners = this.channels.get(channel) ?? new Set<ChannelListener>();
    this.channels.set(channel, listeners);
    listeners.add(listener);
    const client = this.client;
    if (client) await this.listenOn(client).catch(() => undefined); // lost meanwhile: the reconnection listens on it
    return () => listeners.delete(listener);
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called after the connection came back: messages sent while it was down are lost, so a listener
   * that must not miss one (e.g. a revocation) re-reads or drops what it cached.
   */
  onReconnected(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  /**
   * An async iterator of messages matching `accept`, ending when the consumer stops or when a
   * message satisfies `options.endWhen` (then the subscription completes, e.g. a member removed
   * from a group stops hearing it at once). With `options.audience`, see `LiveSubscribeOptions`.
   */
  subscribe<D>(accept: (message: LiveMessage) => boolean, options: LiveSubscribeOptions = {}): AsyncIterableIterator<LiveMessage<D>> {
    const queue: LiveMessage<D>[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const off = this.on((message) => {
      if (options.endWhen?.(message)) return finish();
      if (!accept(message)) return;
      queue.push(message as LiveMessage<D>);
      wake?.();
    });
    const finish = () => {
      done = true;
      off();
      wake?.();
    };
    return {
      ...(options.audience !== undefined ? { [LIVE_AUDIENCE]: options.audience } : {}),
      [Symbol.asyncIterator]() {
        return this;
      },
      async next() {
        while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (done) return { value: undefined, done: true };
        return { value: queue.shift()!, done: false };
      },
      async return() {
        finish();
        return { value: undefined, done: true };
      },
      async throw(error) {
        finish();
        throw error;
      },
    };
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.wakeReconnect?.();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
