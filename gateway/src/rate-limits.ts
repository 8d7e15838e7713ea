import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Actor } from "@portal/kit";
import { MessageType } from "graphql-ws";
import type { WebSocket } from "ws";
import type { Authenticator, Credentials } from "./authenticator.js";
import type { PortalRequest } from "./portal-auth.js";
import { RateLimitStore, type WindowCount } from "./rate-limit-store.js";
import type { RequestFacts } from "./request-facts.js";

export const RATE_LIMITED = "RATE_LIMITED";
const MAX_KNOWN_ACTORS = 10_000;
/** The longest a request waits for its caller's shared count (PostgreSQL answers in about a millisecond). */
const READ_WAIT_MS = 1_000;

/** Operations (GraphQL over HTTP, subscribes over WebSocket) per window; 0 leaves that kind of caller unlimited. */
export interface RateLimitSettings {
  /** Per API key (RATE_LIMIT_API_KEY). */
  apiKey: number;
  /** Per browser session (RATE_LIMIT_SESSION): the dashboard asks several queries per page. */
  session: number;
  /** Per client IP for callers without a valid session or key (RATE_LIMIT_ANONYMOUS). */
  anonymous: number;
  /** Length of a window (RATE_LIMIT_WINDOW_SECONDS); windows start at multiples of it since the epoch. */
  windowSeconds: number;
  /** How often an instance adds its counts to the shared table and learns the totals. */
  syncIntervalMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  apiKey: 600,
  session: 1200,
  anonymous: 300,
  windowSeconds: 60,
  syncIntervalMs: 1000,
};

/** What one check answered; `resetSeconds` is the Retry-After of a refusal. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Why counts are kept in memory and shared in batches: the gateway answers a dashboard request in
 * about a millisecond of CPU, and a PostgreSQL round trip per operation (RateLimiterPostgres's
 * `consume`, even with `inMemoryBlockOnConsumed`, which only helps once a key is blocked) would
 * cost more than the rest of the request. Here a check is a Map lookup (well under a microsecond,
 * docs/performance.md), and PostgreSQL sees one statement per second per instance, which adds every
 * key's new count and returns the totals of every key not yet over its limit, plus one batched read
 * when a key is first seen in a window (so a second instance starts from what the first counted).
 * Across instances the limit holds within what each admits between two syncs (about a second's
 * traffic). Counts are per fixed window, so a client may spend up to twice the limit across a
 * window boundary; without a database, or while it is unreachable, each instance counts alone.
 */
export class WindowCounter {
  private readonly tallies = new Map<string, Tally>();
  private readBatch: ReadBatch | null = null;
  private syncing: Promise<void> | null = null;
  private lastPrune = 0;
  private lastReport = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly windowMs: number,
    private readonly store: RateLimitStore | null,
    syncIntervalMs: number,
  ) {
    this.timer = setInterval(() => void this.sync(), syncIntervalMs);
    this.timer.unref();
  }

  /**
   * Counts one operation for `key` unless it reached `limit` in this window. With `wait`, a key
   * first seen in this window waits for the shared count (one batched read per key and window).
   */
  admit(key: string, limit: number, wait: boolean): RateDecision | Promise<RateDecision> {
    const now = Date.now();
    const tally = this.tally(key, now);
    if (wait && tally.loading) return tally.loading.then(() => this.decide(this.tally(key, Date.now()), limit, Date.now()));
    return this.decide(tally, limit, now);
  }

  /** Starts reading `key`'s shared count for this window, without counting anything. */
  prepare(key: string): Promise<void> | null {
    return this.tally(key, Date.now()).loading;
  }

  private decide(tally: Tally, limit: number, now: number): RateDecision {
    const resetSeconds = Math.max(1, Math.ceil(((tally.window + 1) * this.windowMs - now) / 1000));
    const used = tally.shared + tally.flushing + tally.pending;
    tally.limit = limit;
    if (used >= limit) return { allowed: false, limit, remaining: 0, resetSeconds };
    tally.pending++;
    return { allowed: true, limit, remaining: limit - used - 1, resetSeconds };
  }

  private tally(key: string, now: number): Tally {
    const window = Math.floor(now / this.windowMs);
    let tally = this.tallies.get(key);
    if (tally === undefined || tally.window !== window) {
      tally = new Tally(key, window);
      this.tallies.set(key, tally);
      if (this.store) tally.loading = this.load(tally);
    }
    return tally;
  }

  /**
   * Keys first seen during one turn of the event loop are read in one query. Nobody waits for it
   * longer than READ_WAIT_MS: past that, those keys are decided on what this instance knows, and
   * the answer, if it comes, still counts.
   */
  private load(tally: Tally): Promise<void> {
    if (!this.readBatch) {
      const batch: ReadBatch = { tallies: [], done: Promise.resolve() };
      batch.done = new Promise<void>((resolve) =>
        setImmediate(() => {
          if (this.readBatch === batch) this.readBatch = null;
          let waiting = true;
          const stopWaiting = () => {
            if (!waiting) return;
            waiting = false;
            clearTimeout(timer);
            for (const waited of batch.tallies) waited.loading = null;
            resolve();
          };
          const timer = setTimeout(stopWaiting, READ_WAIT_MS);
          void this.read(batch.tallies).finally(stopWaiting);
        }),
      );
      this.readBatch = batch;
    }
    this.readBatch.tallies.push(tally);
    return this.readBatch.done;
  }

  private async read(tallies: Tally[]): Promise<void> {
    try {
      const windows = new Map<number, Tally[]>();
      for (const tally of tallies) {
        const group = windows.get(tally.window);
        if (group) group.push(tally);
        else windows.set(tally.window, [tally]);
      }
      for (const [window, group] of windows) {
        const counts = await this.store!.read(
          group.map((tally) => tally.storeKey()),
          window * this.windowMs,
        );
        for (const tally of group) tally.shared = Math.max(tally.shared, counts.get(tally.storeKey()) ?? 0);
      }
    } catch (error) {
      this.report(error);
    }
  }

  /** Adds the counts since the last sync to the shared table and keeps the totals; forgets ended windows. */
  sync(): Promise<void> {
    this.syncing ??= this.syncNow().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async syncNow(): Promise<void> {
    const now = Date.now();
    const current = Math.floor(now / this.windowMs);
    const sending: Tally[] = [];
    const refreshing: Tally[] = [];
    for (const [key, tally] of this.tallies) {
      if (tally.window < current) this.tallies.delete(key);
      else if (tally.pending > 0) sending.push(tally);
      else if (!tally.loading && tally.shared + tally.flushing < tally.limit) refreshing.push(tally);
    }
    if (!this.store) return;
    if (sending.length > 0 || refreshing.length > 0) {
      const increments: WindowCount[] = sending.map((tally) => {
        const count = tally.pending;
        tally.pending = 0;
        tally.flushing += count;
        return { key: tally.storeKey(), windowStart: tally.window * this.windowMs, count };
      });
      try {
        const refresh = refreshing.map((tally) => tally.storeKey());
        const totals = await this.store.add(increments, this.windowMs, refresh, current * this.windowMs);
        const byKey = new Map(totals.map((total) => [`${total.key}@${total.windowStart}`, total.count]));
        sending.forEach((tally, index) => {
          const { key, windowStart, count } = increments[index]!;
          tally.flushing -= count;
          tally.shared = Math.max(tally.shared + count, byKey.get(`${key}@${windowStart}`) ?? 0);
        });
        for (const tally of refreshing)
          tally.shared = Math.max(tally.shared, byKey.get(`${tally.storeKey()}@${current * this.windowMs}`) ?? 0);
      } catch (error) {
        // Kept to be added at the next sync; meanwhile this instance still counts them itself.
        sending.forEach((tally, index) => {
          const count = increments[index]!.count;
          tally.flushing -= count;
          tally.pending += count;
        });
        this.report(error);
      }
    }
    if (now - this.lastPrune >= 60_000) {
      this.lastPrune = now;
      await this.store.prune(now).catch((error) => this.report(error));
    }
  }

  private report(error: unknown): void {
    const now = Date.now();
    if (now - this.lastReport < 60_000) return;
    this.lastReport = now;
    const detail = error instanceof Error ? error.message : String(error);
    console.error(`[gateway] rate limits are counted per instance for now: the shared table could not be used (${detail})`);
  }

  /** Adds what is still unsent, then stops. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.syncing;
    await this.sync();
    await this.store?.close();
  }
}

class Tally {
  /** What the shared table last said (every instance's count, ours included). */
  shared = 0;
  /** Counted here and being added to the shared table. */
  flushing = 0;
  /** Counted here since the last sync. */
  pending = 0;
  /** The limit it was last checked against; a key not yet over it has its total read at every sync. */
  limit = Number.POSITIVE_INFINITY;
  /** The first read of the shared count, while it is on its way. */
  loading: Promise<void> | null = null;
  private digest: string | null = null;

  constructor(
    readonly key: string,
    readonly window: number,
  ) {}

  /** The key as stored: a digest, so the table names no session, key or address. */
  storeKey(): string {
    this.digest ??= createHash("sha256").update(this.key).digest("base64url");
    return this.digest;
  }
}

interface ReadBatch {
  tallies: Tally[];
  done: Promise<void>;
}

/** Who an operation is counted against: the API key, else the session, else the client's address. */
function subjectOf(actor: Actor | null, ip: string, settings: RateLimitSettings): { key: string; limit: number } {
  if (actor?.kind === "apiKey" && actor.id) return { key: `key:${actor.id}`, limit: settings.apiKey };
  if (actor?.sessionId) return { key: `session:${actor.sessionId}`, limit: settings.session };
  return { key: `ip:${ip}`, limit: settings.anonymous };
}

export function rateLimitedError(retryAfterSeconds: number) {
  return {
    message: `Too many requests. Please try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    extensions: { code: RATE_LIMITED },
  };
}

/**
 * The gateway's limits: HTTP GraphQL operations are checked before anything else runs (a refusal
 * is `429` with `Retry-After`), WebSocket subscribes as they arrive (a graphql-ws `error` message
 * for that id). Both carry `RATE_LIMITED`.
 */
export class GatewayRateLimits {
  /**
   * Who each credential string was, for the authenticator's default TTL (30 s): the authenticator
   * hashes the credentials on every call (about 3 µs), a Map lookup by the string a fraction of
   * that. Only used to choose the counter: a key revoked meanwhile is still counted as
   * itself for the rest of the TTL, and the request is answered as identity says downstream.
   */
  private readonly actors = new Map<string, { actor: Actor; expiresAt: number }>();

  constructor(
    readonly settings: RateLimitSettings,
    private readonly authenticator: Authenticator,
    private readonly counter: WindowCounter,
    private readonly actorTtlMs = 30_000,
  ) {}

  /** Counts an HTTP operation: true to go on (RateLimit-* headers set), false when it was answered 429. */
  async admitHttp(res: ServerResponse, facts: RequestFacts): Promise<boolean> {
    const known = this.actorOf(facts.credentials);
    const actor = known instanceof Promise ? await known : known;
    const { key, limit } = subjectOf(actor, facts.ip, this.settings);
    if (limit <= 0) return true;
    const decision = await this.counter.admit(key, limit, true);
    res.setHeader("ratelimit-limit", decision.limit);
    res.setHeader("ratelimit-remaining", decision.remaining);
    res.setHeader("ratelimit-reset", decision.resetSeconds);
    if (decision.allowed) return true;
    res.writeHead(429, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(decision.resetSeconds),
    });
    res.end(JSON.stringify({ errors: [rateLimitedError(decision.resetSeconds)] }));
    return false;
  }

  /** No credentials: anonymous, counted by address without asking identity. */
  private actorOf(credentials: Credentials): Actor | null | Promise<Actor> {
    if (!credentials.sessionToken && !credentials.apiKey) return null;
    const id = `${credentials.host}\n${credentials.sessionToken ?? ""}\n${credentials.apiKey ?? ""}`;
    const now = Date.now();
    const known = this.actors.get(id);
    if (known && known.expiresAt > now) return known.actor;
    return this.authenticator.authenticate(credentials).then(({ actor }) => {
      if (this.actors.size >= MAX_KNOWN_ACTORS) this.actors.clear();
      this.actors.set(id, { actor, expiresAt: now + this.actorTtlMs });
      return actor;
    });
  }

  /** At connect: reads the shared count of the connection's caller, so its first subscribe sees it. */
  prepare(portal: PortalRequest): Promise<void> | null {
    const { key, limit } = subjectOf(portal.auth.actor, portal.facts.ip, this.settings);
    return limit > 0 ? this.counter.prepare(key) : null;
  }

  /** Counts a subscribe; over the limit, sends the error message for that id and returns true. */
  refuseSubscribe(socket: WebSocket, id: string, portal: PortalRequest): boolean {
    const { key, limit } = subjectOf(portal.auth.actor, portal.facts.ip, this.settings);
    if (limit <= 0) return false;
    const decision = this.counter.admit(key, limit, false) as RateDecision;
    if (decision.allowed) return false;
    socket.send(JSON.stringify({ id, type: MessageType.Error, payload: [rateLimitedError(decision.resetSeconds)] }));
    return true;
  }

  close(): Promise<void> {
    return this.counter.close();
  }
}

/**
 * Limits shared through PostgreSQL when there is a database (the table is created on first use), else
 * counted by this instance alone, which is right for one gateway and too lenient for several.
 */
export async function createRateLimits(
  overrides: Partial<RateLimitSettings>,
  authenticator: Authenticator,
  databaseUrl: string | undefined,
): Promise<GatewayRateLimits> {
  const settings = { ...DEFAULT_RATE_LIMITS, ...overrides };
  for (const name of ["apiKey", "session", "anonymous"] as const) {
    if (!Number.isInteger(settings[name]) || settings[name] < 0)
      throw new Error(`rateLimits.${name} must be a whole number (0: unlimited)`);
  }
  if (!(settings.windowSeconds > 0)) throw new Error("rateLimits.windowSeconds must be positive");
  if (!(settings.syncIntervalMs > 0)) throw new Error("rateLimits.syncIntervalMs must be positive");
  const store = databaseUrl ? new RateLimitStore(databaseUrl) : null;
  const counter = new WindowCounter(settings.windowSeconds * 1000, store, settings.syncIntervalMs);
  return new GatewayRateLimits(settings, authenticator, counter);
}
