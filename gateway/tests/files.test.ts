import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ACME, API_KEY } from "./fixtures/accounts.js";
import { cookieFrom, post, startHarness, type Harness } from "./fixtures/harness.js";

/** The fixture's echo file: four binary bytes, then the signed caller and path as JSON. */
function decode(bytes: Buffer) {
  expect([...bytes.subarray(0, 4)]).toEqual([0, 255, 1, 254]);
  return JSON.parse(bytes.subarray(4).toString("utf8"));
}

describe("downloads through the gateway", () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string);
    base = new URL(h.gateway.url).origin;
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("authenticates the session cookie, signs the caller and relays status, headers and bytes intact", async () => {
    const signIn = await post(h.gateway.url, `mutation { signIn(email: "files@example.com") }`);
    const cookie = cookieFrom(signIn.headers.get("set-cookie"));
    const response = await fetch(`${base}/files/billing/echo/invoices/abc.pdf`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="echo-1.pdf"');
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const echoed = decode(Buffer.from(await response.arrayBuffer()));
    expect(echoed).toMatchObject({ path: "invoices/abc.pdf", actor: "contact", businessId: ACME.id });
    expect(echoed.actorId).toBeTruthy();
  });

  it("authenticates a Bearer API key like /graphql does", async () => {
    const response = await fetch(`${base}/files/billing/echo/x.pdf`, { headers: { authorization: `Bearer ${API_KEY.secret}` } });
    expect(response.status).toBe(200);
    expect(decode(Buffer.from(await response.arrayBuffer()))).toMatchObject({ path: "x.pdf", actor: "apiKey" });
  });

  it("passes anonymous callers on as anonymous, and answers 404 for unknown subgraphs, handlers or odd paths", async () => {
    const anonymous = await fetch(`${base}/files/billing/echo/x.pdf`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("cache-control")).toBe("private, no-store");
    expect((await fetch(`${base}/files/nowhere/echo/x.pdf`)).status).toBe(404);
    expect((await fetch(`${base}/files/billing/unknown/x.pdf`)).status).toBe(404);
    expect((await fetch(`${base}/files/billing/echo/..%2F..%2Fetc`)).status).toBe(404);
  });

  it("is refused by the subgraph without the gateway's signature", async () => {
    const direct = await fetch(new URL("/files/echo/x.pdf", h.billing.url));
    expect(direct.status).toBe(401);
  });
});
