import { readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import type { Subscriber } from "./live-subscribers.js";

/** What the live benchmarks (bench/live.ts, bench/communities.ts) share. */

export interface Percentiles {
  p50: number;
  p99: number;
  max: number;
}

/** Waits until every subscriber heard `key`; returns those that did not within the timeout. */
export async function untilHeard(subscribers: Subscriber[], key: string, timeoutMs: number): Promise<Subscriber[]> {
  const deadline = performance.now() + timeoutMs;
  let waiting = subscribers;
  for (;;) {
    waiting = waiting.filter((subscriber) => !subscriber.arrivals.has(key));
    if (!waiting.length || performance.now() > deadline) return waiting;
    await sleep(2);
  }
}

/** A GraphQL call to the gateway as a browser on the business's host sends it (Host, session cookie). */
export function gatewayCall<T = Record<string, unknown>>(
  agent: Agent,
  url: string,
  host: string,
  sessionToken: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const body = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          host,
          cookie: `portal_session=${encodeURIComponent(sessionToken)}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-portal-csrf": "1",
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const json = JSON.parse(Buffer.concat(chunks).toString()) as { data?: T; errors?: unknown };
          if (json.errors || !json.data) reject(new Error(`${query.slice(0, 60)}… answered ${JSON.stringify(json.errors ?? json)}`));
          else resolve(json.data);
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export function percentiles(values: number[]): Percentiles {
  if (!values.length) return { p50: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1]! };
}

/** Resident memory of a process in kB (VmRSS), Linux only, else 0. */
export function rssKb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function fdCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return 0;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
