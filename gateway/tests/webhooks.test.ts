import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startHarness, type Harness } from "./fixtures/harness.js";

describe("third-party webhooks through the gateway", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string, { maxBodyBytes: 4096 });
    base = new URL(h.gateway.url).origin;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("relays POST /webhooks/<subgraph>/<name> byte for byte with its signature, without cookies or credentials", async () => {
    // Odd spacing, key order and non-ASCII: a signature covers these exact bytes, so nothing may re-encode them.
    const body = Buffer.from(`{"id":"evt_1",   "type":"payment_intent.succeeded","note":"café ✓"}\r\n`, "utf8");
    const response = await fetch(`${base}/webhooks/billing/echo`, {
      method: "POST",
      headers: {
        "content-type": "application/json; charset=utf-8",
        "stripe-signature": "t=1700000000,v1=abc123",
        cookie: "portal_session=secret",
        authorization: "Bearer key",
      },
      body,
    });
    expect(response.status).toBe(202);
    const echoed = await response.json();
    expect(Buffer.from(echoed.base64, "base64").equals(body)).toBe(true);
    expect(echoed).toMatchObject({
      signature: "t=1700000000,v1=abc123",
      contentType: "application/json; charset=utf-8",
      cookie: null,
      authorization: null,
    });
  });

  it("answers 404 for unknown subgraphs or webhooks and 413 past the body limit", async () => {
    const post = (path: string, body = "{}") =>
      fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect((await post("/webhooks/nowhere/echo")).status).toBe(404);
    expect((await post("/webhooks/billing/unknown")).status).toBe(404);
    expect((await post("/webhooks/billing/echo/extra")).status).toBe(404);
    expect((await post("/webhooks/billing/echo", "x".repeat(5000))).status).toBe(413);
  });
});
