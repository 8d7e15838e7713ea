import { mkdtemp, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHarness, type Harness } from "./fixtures/harness.js";

interface Answer {
  status: number;
  contentType: string | undefined;
  body: string;
}

/** One raw HTTP request with exactly these headers (fetch would not let a test choose the Host). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: "127.0.0.1", port, method, path, headers, setHost: false }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, contentType: response.headers["content-type"], body: text }));
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** A WebSocket upgrade with this Host, answered as plain HTTP when refused. */
function upgrade(port: number, host: string, extra: Record<string, string> = {}): Promise<Answer> {
  return send(port, "GET", "/graphql", {
    ...extra,
    host,
    connection: "Upgrade",
    upgrade: "websocket",
    "sec-websocket-version": "13",
    "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
    "sec-websocket-protocol": "graphql-transport-ws",
  });
}

const MALFORMED_HOSTS = [
  "brightside.localhost:80/x?",
  "a@evil.test",
  "brightside.localhost:1@evil.test",
  "acme.localhost:4000#x",
  "acme localhost",
  "acme.localhost:http",
];

describe("Host header checks on every path", () => {
  let h: Harness;
  beforeAll(async () => {
    const dist = await mkdtemp(join(tmpdir(), "portal-web-"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>Portal</title>");
    h = await startHarness(inject("databaseUrl" as never) as string, { webDistDir: dist, trustProxy: 1 });
  });
  afterAll(async () => {
    await h?.stop();
  });

  const graphql = JSON.stringify({ query: "{ portal { business { slug } } }" });
  const requests: [string, (host: string, extra?: Record<string, string>) => Promise<Answer>][] = [
    [
      "POST /graphql",
      (host, extra) => send(h.gateway.port, "POST", "/graphql", { host, "content-type": "application/json", ...extra }, graphql),
    ],
    [
      "GET /graphql",
      (host, extra) =>
        send(h.gateway.port, "GET", `/graphql?query=${encodeURIComponent("{ portal { business { slug } } }")}`, {
          host,
          "x-portal-csrf": "1",
          accept: "application/json",
          ...extra,
        }),
    ],
    ["a download", (host, extra) => send(h.gateway.port, "GET", "/files/billing/echo/a.pdf", { host, ...extra })],
    [
      "a webhook",
      (host, extra) => send(h.gateway.port, "POST", "/webhooks/billing/echo", { host, "content-type": "application/json", ...extra }, "{}"),
    ],
    ["the web app", (host, extra) => send(h.gateway.port, "GET", "/admin/invoices", { host, ...extra })],
    ["a WebSocket upgrade", (host, extra) => upgrade(h.gateway.port, host, extra)],
  ];

  it.each(requests)("%s with a malformed Host gets a clean 400 JSON answer", async (_name, sendWith) => {
    for (const host of MALFORMED_HOSTS) {
      const answer = await sendWith(host);
      expect({ host, status: answer.status }).toEqual({ host, status: 400 });
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(JSON.parse(answer.body)).toEqual({ errors: [{ message: "Invalid Host header", extensions: { code: "BAD_REQUEST" } }] });
    }
  });

  it.each(requests)("%s behind the trusted proxy is checked on X-Forwarded-Host too", async (_name, sendWith) => {
    const answer = await sendWith("acme.localhost", { "x-forwarded-host": "acme.localhost:1@evil.test" });
    expect(answer.status).toBe(400);
  });

  it("still serves well-formed hosts: names with a port, IPv4 and bracketed IPv6", async () => {
    for (const host of ["acme.localhost:4000", "ACME.localhost", "127.0.0.1:4000", "[::1]:4000"]) {
      const answer = await send(h.gateway.port, "POST", "/graphql", { host, "content-type": "application/json" }, graphql);
      expect({ host, status: answer.status }).toEqual({ host, status: 200 });
    }
    const proxied = await send(
      h.gateway.port,
      "POST",
      "/graphql",
      { host: "internal:4000", "x-forwarded-host": "acme.localhost", "content-type": "application/json" },
      graphql,
    );
    expect(JSON.parse(proxied.body)).toEqual({ data: { portal: { business: { slug: "acme" } } } });
    expect((await send(h.gateway.port, "GET", "/admin/invoices", { host: "acme.localhost:4000" })).status).toBe(200);
  });
});
