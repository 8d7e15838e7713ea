import { createServer, request, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { post, startHarness, type Harness } from "./fixtures/harness.js";

/** Forwards to `target` after `delayMs`: a subgraph that takes its time, to have a request in flight. */
async function startSlowProxy(target: string, delayMs: number) {
  let arrived = 0;
  const server: Server = createServer((req, res) => {
    arrived++;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () =>
      setTimeout(() => {
        const upstream = request(target, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        upstream.on("error", () => res.destroy());
        upstream.end(Buffer.concat(chunks));
      }, delayMs),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    arrived: () => arrived,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("stopping the gateway", () => {
  let h: Harness;
  let slow: Awaited<ReturnType<typeof startSlowProxy>>;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string, { production: false });
    await h.gateway.stop();
    // The same fixtures, with billing behind a proxy that answers 700 ms late.
    slow = await startSlowProxy(h.billing.url, 700);
    h = { ...h, gateway: await restartWithSlowBilling(h, slow.url) };
  });
  afterAll(async () => {
    await h?.accounts.stop();
    await h?.billing.stop();
    await slow?.close();
  });

  it("answers the requests in flight before it closes, and takes no new ones", async () => {
    const inFlight = post(h.gateway.url, `{ invoiceCount }`);
    await expect.poll(() => slow.arrived()).toBe(1);
    const stopped = h.gateway.stop();
    const { status, json } = await inFlight;
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(typeof (json.data as { invoiceCount: unknown }).invoiceCount).toBe("number");
    await stopped;
    await expect(post(h.gateway.url, `{ invoiceCount }`)).rejects.toThrow();
  });
});

async function restartWithSlowBilling(h: Harness, billingUrl: string) {
  const { startGateway } = await import("../src/index.js");
  const { composedFixtureSupergraph, SECRET } = await import("./fixtures/harness.js");
  return startGateway({
    port: 0,
    supergraphSdl: await composedFixtureSupergraph(h),
    subgraphUrls: { billing: billingUrl },
    identityInternalUrl: h.accounts.url,
    portalSecret: SECRET,
    production: false,
    logging: false,
  });
}
