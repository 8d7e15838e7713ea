import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkedDestination, type Resolve, systemResolve } from "./ssrf-guard.js";

export interface PostSettings {
  /** In production only public https destinations are reached, checked after DNS resolution. */
  production: boolean;
  timeoutMs?: number;
  /** How much of the receiver's answer is kept. */
  maxResponseBytes?: number;
  resolve?: Resolve;
}

export interface PostOutcome {
  /** Null when no answer came (refused, unreachable, timed out). */
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;
export const MAX_RESPONSE_BYTES = 4096;

/**
 * POSTs a webhook. Redirects are not followed (a 3xx is a failed attempt: following one would let a
 * receiver point us anywhere). In production the host is resolved and checked here, and the socket
 * connects to that checked address through `lookup`, never resolving the name a second time.
 */
export async function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  settings: PostSettings,
): Promise<PostOutcome> {
  const started = Date.now();
  const outcome = (status: number | null, text: string | null, error: string | null): PostOutcome => ({
    status,
    body: text,
    error,
    durationMs: Date.now() - started,
  });
  const url = new URL(rawUrl);
  let lookup: LookupFunction | undefined;
  if (settings.production) {
    if (url.protocol !== "https:") return outcome(null, null, "Refused: the URL must use https");
    const destination = await checkedDestination(url, settings.resolve ?? systemResolve);
    if ("refused" in destination) return outcome(null, null, `Refused: ${destination.refused}`);
    lookup = (_host, options, callback) => {
      // Node asks for every address when it may try several (autoSelectFamily); either way only the checked one.
      if ((options as { all?: boolean }).all)
        (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [destination]);
      else callback(null, destination.address, destination.family);
    };
  }
  const limit = settings.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const timeoutMs = settings.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const client = url.protocol === "https:" ? https : http;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (result: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "ClientPortal-Webhooks/1",
        },
        lookup,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => finish(outcome(response.statusCode ?? null, Buffer.concat(chunks).toString("utf8").slice(0, limit), null));
        response.on("data", (chunk: Buffer) => {
          const room = limit - size;
          if (room > 0) chunks.push(chunk.subarray(0, room));
          size += chunk.length;
          if (size >= limit) done(); // enough to show staff: the rest is not read
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(
      () => finish(outcome(null, null, `No answer within ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`)),
      timeoutMs,
    );
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish(outcome(null, null, error.code ? `${error.code}: ${error.message}` : error.message)),
    );
    request.end(body);
  });
}
