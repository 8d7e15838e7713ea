import pg from "pg";
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

type Listener = (message: LiveMessage) => void;

export class LiveBus {
  private client: pg.Client | null = null;
  private listeners = new Set<Listener>();
  private closed = false;

  constructor(private readonly databaseUrl: string) {}

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("notification", (note) => {
      if (note.channel !== LIVE_CHANNEL || !note.payload) return;
      const message = JSON.parse(note.payload) as LiveMessage;
      for (const listener of this.listeners) listener(message);
    });
    client.on("error", (error) => {
      console.error("[live] connection lost, reconnecting", error.message);
      this.client = null;
      if (!this.closed) setTimeout(() => this.start().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`listen ${LIVE_CHANNEL}`);
    this.client = client;
  }

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An async iterator of messages matching `accept`, ending when the consumer stops. */
  subscribe<D>(accept: (message: LiveMessage) => boolean): AsyncIterableIterator<LiveMessage<D>> {
    const queue: LiveMessage<D>[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const off = this.on((message) => {
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
    await this.client?.end().catch(() => undefined);
  }
}
