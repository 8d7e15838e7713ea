import { performance } from "node:perf_hooks";
import { addTypenameToDocument } from "@apollo/client/utilities";
import { print } from "graphql";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { InvoiceChangedDocument } from "../../web/src/gql/graphql.js";

/**
 * The admin console's live invoice subscription exactly as the browser sends it: useInvoiceLive's
 * document (with the InvoiceDetail fragment) after Apollo Client added `__typename` everywhere.
 */
export const INVOICE_CHANGED = {
  operationName: "InvoiceChanged",
  query: print(addTypenameToDocument(InvoiceChangedDocument as never)),
};

/** One graphql-ws client with one subscription, remembering when each change first reached it. */
export interface Subscriber {
  /** `<id>:<status>` (e.g. invoice id and status) → performance.now() when that message arrived (first one only). */
  arrivals: Map<string, number>;
  /** Every message heard, in order. */
  messages: { id: string; status: string; at: number }[];
  errors: string[];
  close: () => Promise<void>;
}

interface InvoiceChangedPayload {
  data?: { invoiceChanged?: { id: string; status: string } | null } | null;
  errors?: readonly { message: string }[];
}

/**
 * Opens one socket per session token to the gateway, as a browser on `host` would (the session
 * cookie on the upgrade request), subscribes, and resolves once the server acknowledged the
 * connection (`connection_ack`, i.e. the caller is authenticated) and the subscribe was sent.
 * Opens `concurrency` at a time so identity's authentication is not the thing measured.
 */
export async function openSubscribers(
  wsUrl: string,
  host: string,
  sessionTokens: string[],
  concurrency = 100,
  operation: LiveOperation = INVOICE_LIVE,
): Promise<{ subscribers: Subscriber[]; failures: string[] }> {
  const subscribers: Subscriber[] = [];
  const failures: string[] = [];
  for (let start = 0; start < sessionTokens.length; start += concurrency) {
    const batch = sessionTokens.slice(start, start + concurrency);
    const opened = await Promise.allSettled(batch.map((token) => openSubscriber(wsUrl, host, token, 30_000, operation)));
    for (const result of opened) {
      if (result.status === "fulfilled") subscribers.push(result.value);
      else failures.push((result.reason as Error).message);
    }
  }
  return { subscribers, failures };
}

/** What a subscriber subscribes to, and how it names each message it hears (`arrivals`' key). */
export interface LiveOperation {
  operationName: string;
  query: string;
  variables?: Record<string, unknown>;
  /** `<id>:<state>` of a message, or null for one to ignore. */
  keyOf: (data: unknown) => { id: string; status: string } | null;
}

/** The admin console's invoiceChanged: keyed by invoice id and status. */
export const INVOICE_LIVE: LiveOperation = {
  ...INVOICE_CHANGED,
  keyOf: (data) => {
    const invoice = (data as InvoiceChangedPayload["data"])?.invoiceChanged;
    return invoice ? { id: invoice.id, status: invoice.status } : null;
  },
};

export function openSubscriber(
  wsUrl: string,
  host: string,
  sessionToken: string,
  timeoutMs = 30_000,
  operation: LiveOperation = INVOICE_LIVE,
): Promise<Subscriber> {
  const headers = { host, cookie: `portal_session=${encodeURIComponent(sessionToken)}`, "user-agent": "bench live" };
  class BrowserLikeSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const subscriber: Subscriber = { arrivals: new Map(), messages: [], errors: [], close: async () => undefined };
  let closed: () => void = () => undefined;
  const whenClosed = new Promise<void>((resolve) => (closed = resolve));
  return new Promise<Subscriber>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection_ack within ${timeoutMs} ms`)), timeoutMs);
    const client: Client = createClient({
      url: wsUrl,
      webSocketImpl: BrowserLikeSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: (error) => {
        clearTimeout(timer);
        reject(new Error(`socket failed: ${describe(error)}`));
      },
      on: {
        connected: () => {
          clearTimeout(timer);
          resolve(subscriber);
        },
        closed: (event) => {
          closed();
          const code = (event as { code?: number }).code;
          if (code !== 1000 && code !== 1001) subscriber.errors.push(`socket closed with ${code}`);
        },
      },
    });
    subscriber.close = async () => {
      await client.dispose();
      await Promise.race([whenClosed, new Promise((resolve) => setTimeout(resolve, 5000))]);
    };
    const { keyOf, ...payload } = operation;
    client.subscribe(payload, {
      next: (message: { data?: unknown; errors?: readonly { message: string }[] }) => {
        const at = performance.now();
        if (message.errors?.length) subscriber.errors.push(message.errors.map((error) => error.message).join("; "));
        const heard = keyOf(message.data);
        if (!heard) return;
        subscriber.messages.push({ ...heard, at });
        const key = `${heard.id}:${heard.status}`;
        if (!subscriber.arrivals.has(key)) subscriber.arrivals.set(key, at);
      },
      error: (error) => subscriber.errors.push(`subscription error: ${describe(error)}`),
      complete: () => undefined,
    });
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map((e) => (e as { message?: string }).message ?? String(e)).join("; ");
  const code = (error as { code?: number; reason?: string }).code;
  return code !== undefined ? `close ${code} ${(error as { reason?: string }).reason ?? ""}` : String(error);
}
