import "reflect-metadata";
import type { RunningSubgraphProcess } from "@portal/kit";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { blockedAddressReason, checkedDestination, endpointUrlProblem } from "../src/webhooks/ssrf-guard.js";
import { createScratchDatabase, newBusiness, staffOf, startAutomation } from "./helpers.js";
import { createEndpoint, deliveryWhere, type Receiver, registered, startReceiver, voided } from "./webhooks-helpers.js";

describe("webhook addresses", () => {
  it("refuses every non-public address and passes public ones", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:169.254.169.254",
    ]) {
      expect(blockedAddressReason(address), address).not.toBeNull();
    }
    for (const address of ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"]) expect(blockedAddressReason(address), address).toBeNull();
  });

  it("checks every address a name resolves to, and refuses a name that does not resolve", async () => {
    const url = new URL("https://hooks.example.test/x");
    const mixed = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.7", family: 4 },
    ];
    expect(await checkedDestination(url, mixed)).toEqual({ refused: "hooks.example.test resolves to a private address (10.0.0.7)" });
    expect(await checkedDestination(url, async () => [{ address: "93.184.215.14", family: 4 }])).toEqual({
      address: "93.184.215.14",
      family: 4,
    });
    const missing = async () => {
      throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    };
    expect(await checkedDestination(url, missing)).toEqual({ refused: "hooks.example.test could not be resolved (ENOTFOUND)" });
    expect(await endpointUrlProblem("http://127.0.0.1:9/x", false)).toBeNull(); // development: loopback receivers allowed
  });
});

describe("webhooks in production", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  let pool: pg.Pool;
  let hook: Receiver;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url, { production: true });
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    hook = await startReceiver();
  });
  afterAll(async () => {
    await automation?.stop();
    await hook?.close();
    await pool?.end();
    await database?.drop();
  });

  it("refuses http and loopback, private, link-local, unique-local and metadata addresses at registration", async () => {
    const staff = staffOf(newBusiness());
    const refused = {
      [hook.url]: "The URL must use https",
      "https://127.0.0.1/hooks": "Not allowed: 127.0.0.1 is a loopback address",
      "https://localhost/hooks": "Not allowed: localhost resolves to a loopback address",
      "https://10.0.0.5/hooks": "Not allowed: 10.0.0.5 is a private address",
      "https://192.168.0.10/hooks": "Not allowed: 192.168.0.10 is a private address",
      "https://169.254.169.254/latest/meta-data": "Not allowed: 169.254.169.254 is a link-local address",
      "https://[::1]/hooks": "Not allowed: ::1 is a loopback address",
      "https://[fe80::1]/hooks": "Not allowed: fe80::1 is a link-local address",
      "https://[fd12::1]/hooks": "Not allowed: fd12::1 is a unique-local address",
      "https://100.64.3.4/hooks": "Not allowed: 100.64.3.4 is a shared (CGNAT) address",
      "https://metadata.google.internal/computeMetadata/v1": "Not allowed: metadata.google.internal is a cloud metadata host",
    };
    for (const [url, message] of Object.entries(refused)) {
      const result = await createEndpoint(automation, staff, { url });
      expect(result, url).toEqual({ __typename: "ValidationError", field: "url", message: expect.stringContaining(message) });
    }
    expect((await createEndpoint(automation, staff, { url: "https://93.184.215.14/hooks" })).__typename).toBe("WebhookEndpointCreated");
  });

  it("checks the address again at delivery time: a name that now resolves to loopback is not called", async () => {
    const business = newBusiness();
    const staff = staffOf(business);
    const { endpoint } = await registered(automation, staff, { url: "https://93.184.215.14/hooks" });
    // Its DNS changed after registration: the name now points at this machine, where a receiver listens.
    const port = new URL(hook.url).port;
    await pool.query(`update automation.webhook_endpoint set url = $2 where id = $1`, [endpoint.id, `https://localhost:${port}/hooks`]);
    await voided(automation, business);
    const attempted = await deliveryWhere(automation, staff, endpoint.id, (d) => d.attempts === 1, "the refused attempt");
    expect(attempted).toMatchObject({ status: "PENDING", lastResponseCode: null });
    expect(attempted.lastError).toMatch(/^Refused: localhost resolves to a loopback address/);
    expect(attempted.attemptLog[0]).toMatchObject({ succeeded: false, responseCode: null });
    expect(hook.requests).toEqual([]);
  });
});
