import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_RESPONSE_BYTES, postWebhook } from "../src/webhooks/webhook-http.js";

describe("a webhook request", () => {
  let server: Server;
  let base: string;
  const followed: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/moved") {
        res.writeHead(302, { location: `${base}/elsewhere` });
        return res.end();
      }
      if (req.url === "/elsewhere") {
        followed.push(req.url);
        res.writeHead(200);
        return res.end("followed");
      }
      if (req.url === "/silent") return; // never answers
      res.writeHead(500, { "content-type": "text/plain" });
      res.end("x".repeat(1_000_000));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("does not follow redirects: a 3xx is the answer", async () => {
    const outcome = await postWebhook(`${base}/moved`, {}, "{}", { production: false });
    expect(outcome).toMatchObject({ status: 302, error: null });
    expect(followed).toEqual([]);
  });

  it("keeps only the first few kB of a large answer", async () => {
    const outcome = await postWebhook(`${base}/big`, {}, "{}", { production: false });
    expect(outcome.status).toBe(500);
    expect(outcome.body).toHaveLength(MAX_RESPONSE_BYTES);
  });

  it("gives up on a receiver that does not answer in time", async () => {
    const outcome = await postWebhook(`${base}/silent`, {}, "{}", { production: false, timeoutMs: 300 });
    expect(outcome).toMatchObject({ status: null, error: "No answer within 300 ms" });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(290);
    expect(outcome.durationMs).toBeLessThan(3_000);
  });

  it("in production refuses http, and a name resolving to a private address before connecting", async () => {
    expect((await postWebhook(`${base}/big`, {}, "{}", { production: true })).error).toBe("Refused: the URL must use https");
    const resolve = async () => [{ address: "192.168.10.2", family: 4 }];
    const outcome = await postWebhook("https://hooks.example.test/x", {}, "{}", { production: true, resolve });
    expect(outcome).toMatchObject({ status: null, error: "Refused: hooks.example.test resolves to a private address (192.168.10.2)" });
  });
});
