import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import type { Duplex } from "node:stream";

/**
 * A small local load balancer, as a Kubernetes Service or a cloud load balancer stands in front of
 * replicas: round-robin over healthy backends for HTTP requests and WebSocket upgrades. A backend
 * whose port refuses a connection is taken out for a while and the request goes to the next one;
 * nothing was sent to the refused backend, so that retry is safe even for a mutation. Anything that
 * fails after the connection was made is the client's failure (502), never retried.
 *
 * Each HTTP request gets a fresh connection to its backend (no pooled socket that a stopping backend
 * could close under a request the balancer had just sent), and the balancer counts, per backend, the
 * requests in flight: `watchStop` says how many requests a stopping backend ever held.
 */
export interface LoadBalancerBackend {
  name: string;
  /** The backend's base URL (a path, e.g. /graphql, is ignored). */
  url: string;
}

interface BackendState {
  name: string;
  host: string;
  port: number;
  /** Refused a connection: skipped until then. */
  downUntil: number;
  inFlight: number;
  served: number;
  tunnels: Set<Socket>;
  /** Requests in flight when it began stopping, plus those it accepted afterwards. */
  exposure: { count: number } | null;
  /** Taken out of rotation (a terminating pod removed from its Service): sent nothing new. */
  removed: boolean;
}

/** How long a backend that refused a connection is skipped before it is tried again. */
const DOWN_FOR_MS = 2000;
const HOP_BY_HOP = ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"];

export class LoadBalancer {
  private readonly backends: BackendState[];
  private next = 0;
  private readonly server = createServer((req, res) => void this.forward(req, res));
  private readonly clientSockets = new Set<Socket>();
  port = 0;
  /** Requests answered 502 because no backend could be reached, or one failed after the connection was made. */
  failed = 0;

  private constructor(
    readonly name: string,
    backends: LoadBalancerBackend[],
  ) {
    this.backends = backends.map(({ name, url }) => {
      const parsed = new URL(url);
      return {
        name,
        host: parsed.hostname,
        port: Number(parsed.port),
        downUntil: 0,
        inFlight: 0,
        served: 0,
        tunnels: new Set(),
        exposure: null,
        removed: false,
      };
    });
    this.server.on("upgrade", (req, socket, head) => this.tunnel(req, socket, head));
    this.server.on("connection", (socket) => {
      this.clientSockets.add(socket);
      socket.once("close", () => this.clientSockets.delete(socket));
    });
  }

  static async start(name: string, backends: LoadBalancerBackend[]): Promise<LoadBalancer> {
    const balancer = new LoadBalancer(name, backends);
    await new Promise<void>((resolve) => balancer.server.listen(0, "127.0.0.1", resolve));
    balancer.port = (balancer.server.address() as AddressInfo).port;
    return balancer;
  }

  /** The balancer's URL with `path` (e.g. /graphql), as the backends' clients are given it. */
  url(path = ""): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Requests and WebSockets each backend holds now, and how many requests it has been sent. */
  stats(): Record<string, { inFlight: number; served: number; tunnels: number; down: boolean }> {
    const now = Date.now();
    return Object.fromEntries(
      this.backends.map((b) => [
        b.name,
        { inFlight: b.inFlight, served: b.served, tunnels: b.tunnels.size, down: b.removed || b.downUntil > now },
      ]),
    );
  }

  /**
   * Call right before stopping a backend: from then on, counts the requests it holds, those in
   * flight now and any it accepts while it stops. Returns the count so far, when asked.
   */
  watchStop(name: string): () => number {
    const backend = this.backend(name);
    const exposure = { count: backend.inFlight };
    backend.exposure = exposure;
    return () => exposure.count;
  }

  /**
   * Sends the backend nothing new, as a rolling restart does before stopping an instance (Kubernetes
   * takes a terminating pod out of its Service, and the pod's preStop wait lets that settle before
   * SIGTERM); what it holds stays with it to finish.
   */
  remove(name: string): void {
    this.backend(name).removed = true;
  }

  async close(): Promise<void> {
    for (const backend of this.backends) for (const socket of backend.tunnels) socket.destroy();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.clientSockets) socket.destroy();
    await closed;
  }

  private backend(name: string): BackendState {
    const backend = this.backends.find((b) => b.name === name);
    if (!backend) throw new Error(`${this.name} has no backend ${name}`);
    return backend;
  }

  /** The next backend round-robin that was not tried yet: healthy ones first, then those marked down. */
  private choose(tried: Set<BackendState>): BackendState | null {
    const now = Date.now();
    const count = this.backends.length;
    const order = Array.from({ length: count }, (_, i) => this.backends[(this.next + i) % count]).filter(
      (b) => !tried.has(b) && !b.removed,
    );
    const chosen = order.find((b) => b.downUntil <= now) ?? order[0] ?? null;
    if (chosen) this.next = (this.backends.indexOf(chosen) + 1) % count;
    return chosen;
  }

  private refused(backend: BackendState): void {
    backend.downUntil = Date.now() + DOWN_FOR_MS;
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // The whole body first, so that a request a backend refused can be sent to the next one.
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return void res.destroy();
    }
    const body = Buffer.concat(chunks);
    const tried = new Set<BackendState>();
    for (let backend = this.choose(tried); backend; backend = this.choose(tried)) {
      tried.add(backend);
      const outcome = await this.send(backend, req, body, res);
      if (outcome !== "refused") return;
      this.refused(backend);
    }
    this.failed++;
    answer502(res, `${this.name}: no backend answered`);
  }

  /** One attempt at one backend: "refused" when its port refused the connection (nothing was sent). */
  private send(backend: BackendState, req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<"done" | "refused"> {
    return new Promise((resolve) => {
      backend.inFlight++;
      backend.served++;
      if (backend.exposure) backend.exposure.count++;
      let finished = false;
      const finish = (outcome: "done" | "refused") => {
        if (finished) return;
        finished = true;
        backend.inFlight--;
        if (outcome === "refused" && backend.exposure) backend.exposure.count--;
        resolve(outcome);
      };
      const upstream = request({
        host: backend.host,
        port: backend.port,
        method: req.method,
        path: req.url,
        headers: { ...withoutHopByHop(req.headers), "content-length": String(body.length) },
        agent: false,
      });
      upstream.on("response", (answer) => {
        res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
        answer.pipe(res);
        answer.on("end", () => finish("done"));
        answer.on("error", () => {
          this.failed++;
          res.destroy();
          finish("done");
        });
        answer.on("close", () => {
          if (!answer.complete) res.destroy();
          finish("done");
        });
      });
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "ECONNREFUSED") return finish("refused");
        this.failed++;
        if (res.headersSent) res.destroy();
        else answer502(res, `${this.name}: ${backend.name} failed (${error.code ?? error.message})`);
        finish("done");
      });
      res.on("close", () => {
        // The client went away: so does the request to the backend.
        if (!res.writableFinished) upstream.destroy();
      });
      upstream.end(body);
    });
  }

  /** A WebSocket upgrade: the handshake and then the bytes both ways, to the first backend that accepts a connection. */
  private tunnel(req: IncomingMessage, client: Duplex, head: Buffer, tried = new Set<BackendState>()): void {
    client.on("error", () => client.destroy());
    const backend = this.choose(tried);
    if (!backend) {
      client.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    tried.add(backend);
    const upstream = connect(backend.port, backend.host);
    let connected = false;
    upstream.once("connect", () => {
      connected = true;
      backend.tunnels.add(upstream);
      upstream.write(handshakeOf(req));
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (!connected && error.code === "ECONNREFUSED") {
        this.refused(backend);
        this.tunnel(req, client, head, tried);
      } else client.destroy();
    });
    upstream.on("close", (hadError) => {
      backend.tunnels.delete(upstream);
      // A clean end was passed on by the pipe, after the last bytes (e.g. a WebSocket close frame).
      if (connected && hadError) client.destroy();
    });
    client.on("close", () => upstream.destroy());
  }
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const kept = { ...headers };
  for (const name of HOP_BY_HOP) delete kept[name];
  return kept;
}

/** The upgrade request as the client sent it (its raw header lines, Connection and Upgrade included). */
function handshakeOf(req: IncomingMessage): string {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

function answer502(res: ServerResponse, message: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(502, { "content-type": "application/json", connection: "close" });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: "BAD_GATEWAY" } }] }));
}
