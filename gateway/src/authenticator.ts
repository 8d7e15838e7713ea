import { createHash } from "node:crypto";
import type { Agent } from "node:http";
import { signBody, type Actor } from "@portal/kit";
import { postJson, upstreamAgent } from "./direct-upstream.js";
import { gatewayLog } from "./observability/index.js";
import { TtlCache } from "./ttl-cache.js";

/** What identity's `POST /internal/authenticate` answers (docs/architecture.md). */
export interface Authentication {
  business: { id: string; slug: string } | null;
  actor: Actor;
  /** False when a session token was sent but is unknown, expired or ended. */
  sessionValid: boolean;
}

export interface Credentials {
  /** Host name without port; selects the business. */
  host: string;
  sessionToken?: string;
  apiKey?: string;
}

export interface Revocation {
  sessionIds?: string[];
  apiKeyIds?: string[];
}

export interface AuthenticatorOptions {
  /** identity's internal endpoint, e.g. http://127.0.0.1:4101/internal/authenticate */
  endpoint: string;
  secret: string;
  defaultBusinessSlug?: string;
  ttlMs?: number;
  maxEntries?: number;
  /** How long identity may take to answer (the gateway's subgraph timeout). */
  timeoutMs?: number;
}

/** identity did not answer in time, could not be reached or answered an error: nobody can be authenticated. */
export class AuthenticationUnavailableError extends Error {}

/**
 * Asks identity who is calling, and remembers the answer briefly so that a busy client costs one
 * identity call per TTL, not one per request. Concurrent misses for the same credentials share
 * one call. Revocations bump a generation so an answer that was in flight while a session ended
 * is used once but never cached.
 */
export class Authenticator {
  private readonly cache: TtlCache<Authentication>;
  private readonly inflight = new Map<string, Promise<Authentication>>();
  private generation = 0;
  /**
   * Node's HTTP client with kept-alive sockets and one timer per call, as the gateway's subgraph
   * calls use: a burst of WebSocket handshakes (thousands of clients reconnecting) authenticates
   * each one, and the fetch API's per-call objects (an AbortSignal with its timer, request and
   * response streams) outlive the handshake and grow the heap the gateway then keeps.
   */
  private readonly agent: Agent = upstreamAgent();

  constructor(private readonly options: AuthenticatorOptions) {
    this.cache = new TtlCache(options.ttlMs ?? 30_000, options.maxEntries ?? 10_000);
  }

  authenticate(credentials: Credentials): Promise<Authentication> {
    const key = cacheKey(credentials);
    const cached = this.cache.get(key);
    if (cached) return Promise.resolve(cached);
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const call = this.callIdentity(credentials)
      .then((result) => {
        if (generation === this.generation) this.cache.set(key, result);
        return result;
      })
      .finally(() => {
        if (this.inflight.get(key) === call) this.inflight.delete(key);
      });
    this.inflight.set(key, call);
    return call;
  }

  /** Drops the cached answer for these credentials, e.g. after sign-out. */
  forget(credentials: Credentials): void {
    this.generation++;
    const key = cacheKey(credentials);
    this.cache.delete(key);
    this.inflight.delete(key);
  }

  /** Drops every cached answer: revocations may have been missed (the live bus was disconnected). */
  forgetAll(): void {
    this.generation++;
    this.inflight.clear();
    this.cache.clear();
  }

  revoke({ sessionIds = [], apiKeyIds = [] }: Revocation): void {
    this.generation++;
    this.inflight.clear();
    const sessions = new Set(sessionIds);
    const keys = new Set(apiKeyIds);
    this.cache.deleteWhere(({ actor }) => isRevoked(actor, sessions, keys));
  }

  private async callIdentity(credentials: Credentials): Promise<Authentication> {
    const body = JSON.stringify({ ...credentials, defaultBusinessSlug: this.options.defaultBusinessSlug });
    const answer = await postJson(
      this.agent,
      this.options.endpoint,
      signBody(this.options.secret, body),
      body,
      this.options.timeoutMs ?? 5_000,
    );
    const problem =
      answer === "timeout"
        ? "it did not answer in time"
        : answer === "unreachable"
          ? "it could not be reached"
          : answer.status !== 200
            ? `it answered ${answer.status}`
            : null;
    if (problem === null && typeof answer !== "string") {
      try {
        return JSON.parse(answer.body) as Authentication;
      } catch {
        // reported below
      }
    }
    gatewayLog().error(`identity could not authenticate a request: ${problem ?? "its answer was not JSON"}`);
    throw new AuthenticationUnavailableError("identity is unavailable");
  }

  /** Closes the kept-alive sockets to identity (the gateway is stopping). */
  close(): void {
    this.agent.destroy();
  }
}

export function isRevoked(actor: Actor, sessionIds: ReadonlySet<string>, apiKeyIds: ReadonlySet<string>): boolean {
  if (actor.sessionId && sessionIds.has(actor.sessionId)) return true;
  return actor.kind === "apiKey" && actor.id !== null && apiKeyIds.has(actor.id);
}

function cacheKey({ host, sessionToken = "", apiKey = "" }: Credentials): string {
  return createHash("sha256").update(`${host}\n${sessionToken}\n${apiKey}`).digest("base64url");
}
