import type { Agent, IncomingHttpHeaders } from "node:http";
import { BATCH_PATH, type Caller, COLOCATED_HEADER, MAX_BATCH_PARTS, NOT_HERE, REQUEST_ID_HEADER, signCaller, TOO_LATE } from "@portal/kit";
import { postJson, type SubgraphEndpoint } from "./direct-upstream.js";

/** A subgraph's answer to one fetch, its body parsed; or why there is none. */
export type FetchAnswer = { status: number; headers: IncomingHttpHeaders; json: unknown } | "unreachable" | "timeout";

/**
 * Which subgraphs share a process with which, as their answers say (the kit's colocation.ts): a
 * subgraph is batched with another only if the gateway reaches both on the same host, each at the
 * port that process says it serves it on. A subgraph behind a proxy or a balancer is reached at
 * another address, so it is always called on its own.
 */
export class Colocation {
  private readonly said = new Map<string, string>();
  private readonly peers = new Map<string, Set<string>>();
  private readonly addresses = new Map<string, { hostname: string; port: string; plain: boolean; batchUrl: string }>();

  constructor(endpoints: Map<string, SubgraphEndpoint>) {
    for (const endpoint of endpoints.values()) {
      const url = new URL(endpoint.url);
      this.addresses.set(endpoint.name, {
        hostname: url.hostname,
        port: url.port,
        plain: url.pathname === "/graphql" && !url.search,
        batchUrl: new URL(BATCH_PATH, url).href,
      });
    }
  }

  /**
   * What `from` answered in its colocation header (unchanged answers cost a string comparison). The
   * header speaks for its whole process, so every subgraph it names at a matching address learns the
   * same peers at once.
   */
  learn(from: string, header: string | string[] | undefined): void {
    const value = typeof header === "string" ? header : "";
    if (this.said.get(from) === value) return;
    const own = this.addresses.get(from);
    const peers = new Set<string>();
    for (const entry of value.split(",")) {
      const [name, port] = entry.split("=");
      const address = name === undefined ? undefined : this.addresses.get(name);
      if (own && address?.plain && address.hostname === own.hostname && address.port === port) peers.add(name!);
    }
    this.forget(from);
    this.said.set(from, value);
    if (!peers.has(from) || peers.size < 2) return;
    for (const name of peers) {
      this.peers.set(name, peers);
      this.said.set(name, value); // they answer with the same header: no learning again
    }
  }

  /** A batch to `name` failed as a whole: its process's subgraphs are called on their own until told otherwise again. */
  forget(name: string): void {
    for (const peer of this.peers.get(name) ?? []) {
      this.peers.delete(peer);
      this.said.delete(peer);
    }
    this.said.delete(name);
  }

  peersOf(name: string): Set<string> | undefined {
    return this.peers.get(name);
  }

  portOf(name: string): number {
    return Number(this.addresses.get(name)?.port);
  }

  /** Where a batch for `name` and its peers goes: the batch path of `name`'s own address. */
  batchUrlOf(name: string): string {
    return this.addresses.get(name)!.batchUrl;
  }
}

interface Pending {
  endpoint: SubgraphEndpoint;
  body: string;
  resolve: (answer: FetchAnswer) => void;
}

export interface FetchBatcherOptions {
  colocation: Colocation;
  agent: Agent;
  secret: string;
  timeoutMs: number;
  caller: Caller;
  requestId: string | undefined;
}

/**
 * One request's subgraph fetches. Fetches asked for in the same turn of the event loop (a plan's
 * Parallel node starts all of its fetches at once) to subgraphs of one process go as one batch;
 * every other fetch is a signed POST of its own, as before. A part the process cannot answer is
 * sent on its own; a batch that fails as a whole is sent again part by part.
 */
export class FetchBatcher {
  private queue: Pending[] = [];

  constructor(private readonly options: FetchBatcherOptions) {}

  fetch(endpoint: SubgraphEndpoint, body: string): Promise<FetchAnswer> {
    if (!this.options.colocation.peersOf(endpoint.name)) return this.single(endpoint, body);
    return new Promise((resolve) => {
      this.queue.push({ endpoint, body, resolve });
      if (this.queue.length === 1) queueMicrotask(() => this.flush());
    });
  }

  private flush(): void {
    const pending = this.queue;
    this.queue = [];
    while (pending.length > 0) {
      const first = pending.shift()!;
      const peers = this.options.colocation.peersOf(first.endpoint.name);
      const group = [first];
      for (let i = 0; i < pending.length && group.length < MAX_BATCH_PARTS; ) {
        if (peers?.has(pending[i]!.endpoint.name)) group.push(pending.splice(i, 1)[0]!);
        else i++;
      }
      if (group.length === 1) void this.single(first.endpoint, first.body).then(first.resolve);
      else void this.batch(first.endpoint, group);
    }
  }

  private async single(endpoint: SubgraphEndpoint, body: string): Promise<FetchAnswer> {
    const upstream = await postJson(this.options.agent, endpoint.url, this.signed(endpoint.path, body), body, this.options.timeoutMs);
    if (typeof upstream === "string") return upstream;
    this.options.colocation.learn(endpoint.name, upstream.headers[COLOCATED_HEADER]);
    return { status: upstream.status, headers: upstream.headers, json: parsed(upstream.body) };
  }

  private async batch(to: SubgraphEndpoint, group: Pending[]): Promise<void> {
    const { colocation, timeoutMs } = this.options;
    const body = JSON.stringify({
      // The process answers a part it could not finish by then as too late, before this side gives up.
      deadlineMs: Math.max(1, Math.floor(timeoutMs * 0.9)),
      parts: group.map(({ endpoint, body: part }) => ({ subgraph: endpoint.name, port: colocation.portOf(endpoint.name), body: part })),
    });
    const upstream = await postJson(this.options.agent, colocation.batchUrlOf(to.name), this.signed(BATCH_PATH, body), body, timeoutMs);
    if (upstream === "timeout") {
      for (const pending of group) pending.resolve("timeout");
      return;
    }
    const parts = upstream !== "unreachable" && upstream.status === 200 ? partsOf(upstream.body, group.length) : null;
    if (!parts || typeof upstream === "string") {
      colocation.forget(to.name);
      for (const pending of group) void this.single(pending.endpoint, pending.body).then(pending.resolve);
      return;
    }
    colocation.learn(to.name, upstream.headers[COLOCATED_HEADER]);
    group.forEach((pending, index) => {
      const part = parts[index]!;
      if (part.status === NOT_HERE) void this.single(pending.endpoint, pending.body).then(pending.resolve);
      else if (part.status === TOO_LATE) pending.resolve("timeout");
      else pending.resolve({ status: part.status, headers: part.headers, json: part.body });
    });
  }

  private signed(path: string, body: string): Record<string, string> {
    const headers = signCaller(this.options.secret, this.options.caller, { method: "POST", path, body });
    if (this.options.requestId) headers[REQUEST_ID_HEADER] = this.options.requestId;
    return headers;
  }
}

interface Part {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** The batch answer's parts, one per fetch sent, or null if it is not that. */
function partsOf(text: string, count: number): Part[] | null {
  const answer = parsed(text) as { parts?: unknown } | undefined;
  const parts = answer?.parts;
  if (!Array.isArray(parts) || parts.length !== count) return null;
  for (const part of parts as Partial<Part>[]) {
    if (typeof part?.status !== "number" || typeof part.headers !== "object" || part.headers === null) return null;
  }
  return parts as Part[];
}

/** JSON, or undefined for a body that is not (which the caller treats as any other unusable answer). */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
