import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Authenticator } from "../src/authenticator.js";

/** A stand-in for identity's /internal/authenticate that counts the calls it answers. */
describe("gateway authentication cache", () => {
  let server: Server;
  let endpoint: string;
  let calls = 0;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      calls++;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ business: { id: "b1", slug: "acme" }, actor: { kind: "contact", id: "c1", sessionId: "s1" }, sessionValid: true }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/internal/authenticate`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks identity afresh for everyone after forgetting all answers (revocations may have been missed)", async () => {
    const authenticator = new Authenticator({ endpoint, secret: "s".repeat(32) });
    const credentials = { host: "acme.localhost", sessionToken: "token" };
    calls = 0;
    await authenticator.authenticate(credentials);
    await authenticator.authenticate(credentials);
    expect(calls).toBe(1);
    authenticator.forgetAll();
    await authenticator.authenticate(credentials);
    expect(calls).toBe(2);
  });
});
