import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import type { PortalClient } from "./http-client.js";

/**
 * A live subscription as the web app holds one: graphql-ws configured exactly as web/src/apollo.ts
 * configures it (lazy, retrying forever with the same backoff, giving up only on the closes that
 * mean the session ended), and a subscription that failed started again as
 * web/src/shared/useResubscribeOnError.ts does (after 1 s, then 2, 4… up to 30 s). Those files run
 * in the browser (window timers, React hooks), so their settings are repeated here; keep them alike.
 */
export interface LiveSubscription<T> {
  /** Every `next` payload's data, with when it arrived. */
  received: { at: number; data: T }[];
  /** Subscriptions the server ended with an error (e.g. its section went away for a moment). */
  errors: unknown[];
  /** Sockets connected so far (the first, then each reconnection). */
  connections: number;
  /** Close codes of sockets that closed. */
  closes: number[];
  dispose: () => void;
}

/** web/src/apollo.ts's `SESSION_ENDED_CLOSE_CODES`: a revoked session signs out rather than reconnecting. */
export const SESSION_ENDED_CLOSE_CODES = [4403, 4401];

export function subscribeLikeTheWebApp<T>(client: PortalClient, query: string): LiveSubscription<T> {
  const live: LiveSubscription<T> = { received: [], errors: [], connections: 0, closes: [], dispose: () => undefined };
  // The browser sends the cookies it holds and its page's origin; the host selects the business.
  const { host, cookies } = client;
  class BrowserLikeWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, {
        lookup: ((_hostname: string, _options: unknown, callback: (...args: unknown[]) => void) =>
          callback(null, [{ address: "127.0.0.1", family: 4 }])) as never,
        headers: { cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join("; "), origin: `http://${host}` },
      });
    }
  }
  const ws: Client = createClient({
    url: `ws://${host}:${client.gatewayPort}/graphql`,
    webSocketImpl: BrowserLikeWebSocket,
    lazy: true,
    onNonLazyError: () => undefined,
    shouldRetry: (event) => !isCloseEvent(event) || !SESSION_ENDED_CLOSE_CODES.includes(event.code),
    retryAttempts: Number.POSITIVE_INFINITY,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(60, 2 ** retries) * 1000 + Math.random() * 2000)),
    on: {
      connected: () => void live.connections++,
      closed: (event) => void live.closes.push(isCloseEvent(event) ? event.code : 1006),
    },
  });

  let disposed = false;
  let unsubscribe: () => void = () => undefined;
  let attempts = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  const start = () => {
    if (disposed) return;
    let failed = false;
    unsubscribe = ws.subscribe<T>(
      { query },
      {
        next: (result) => {
          attempts = 0;
          if (result.data) live.received.push({ at: Date.now(), data: result.data as T });
          // The relay reports a lost section as errors in a `next` before it completes the subscription.
          else if (result.errors) {
            failed = true;
            live.errors.push(result.errors);
          }
        },
        error: (error) => {
          live.errors.push(error);
          restartLater();
        },
        complete: () => {
          // Apollo's useSubscription reports such an ending as its `error`, which the hook restarts.
          if (failed) restartLater();
        },
      },
    );
  };
  const restartLater = () => {
    if (disposed || restartTimer) return;
    const delay = Math.min(30_000, 1000 * 2 ** attempts);
    attempts++;
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      unsubscribe();
      start();
    }, delay);
  };
  start();
  live.dispose = () => {
    disposed = true;
    clearTimeout(restartTimer);
    unsubscribe();
    void ws.dispose();
  };
  return live;
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === "object" && value !== null && "code" in value && typeof value.code === "number";
}
