import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ACME, API_KEY } from "./fixtures/accounts.js";
import { cookieFrom, post, startHarness, type Harness } from "./fixtures/harness.js";

describe("gateway over HTTP", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it("resolves a federated query with the business chosen by host", async () => {
    const { status, json } = await post(
      h.gateway.url,
      `{ portal { business { name } } contact(id: "c1") { name balanceCents billedBusinessId } }`,
    );
    expect(status).toBe(200);
    expect(json).toEqual({
      data: { portal: { business: { name: ACME.name } }, contact: { name: "Unknown", balanceCents: 4200, billedBusinessId: ACME.id } },
    });
  });

  it("signs the caller for subgraphs: API key, client IP and user agent", async () => {
    const { json } = await post(h.gateway.url, "{ viewer { kind actorId businessId ip userAgent } }", {
      headers: { authorization: `Bearer ${API_KEY.secret}`, "user-agent": "integration/1.0", "x-forwarded-for": "203.0.113.9" },
    });
    expect(json.data.viewer).toMatchObject({ kind: "apiKey", actorId: API_KEY.id, businessId: ACME.id, userAgent: "integration/1.0" });
    // TRUST_PROXY is off: a client cannot choose its own IP.
    expect(json.data.viewer.ip).not.toBe("203.0.113.9");
  });

  it("turns the subgraph's session header into an HttpOnly SameSite cookie and clears it on sign-out", async () => {
    const signIn = await post(h.gateway.url, `mutation { signIn(email: "ada@example.com") }`);
    expect(signIn.json).toEqual({ data: { signIn: true } });
    const setCookie = signIn.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^portal_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=3600$/);
    expect(signIn.headers.get("x-portal-set-session")).toBeNull();

    const cookie = cookieFrom(setCookie);
    const viewer = await post(h.gateway.url, "{ viewer { kind } }", { headers: { cookie } });
    expect(viewer.json.data.viewer.kind).toBe("contact");

    const signOut = await post(h.gateway.url, "mutation { signOut }", { headers: { cookie } });
    expect(signOut.headers.get("set-cookie")).toMatch(/^portal_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0/);
    expect(signOut.headers.get("x-portal-clear-session")).toBeNull();
    const after = await post(h.gateway.url, "{ viewer { kind } }", { headers: { cookie } });
    expect(after.json.data.viewer.kind).toBe("anonymous");
  });

  it("never answers one caller with another's subgraph answer, however many identical requests run at once", async () => {
    const cookie = cookieFrom((await post(h.gateway.url, `mutation { signIn(email: "ada@example.com") }`)).headers.get("set-cookie"));
    const callers: { headers: Record<string, string>; kind: string }[] = [
      { headers: {}, kind: "anonymous" },
      { headers: { authorization: `Bearer ${API_KEY.secret}` }, kind: "apiKey" },
      { headers: { cookie }, kind: "contact" },
    ];
    // The same query text from everyone (two subgraphs, so it is planned): only the signed caller tells the subgraph calls apart.
    const sent = Array.from({ length: 30 }, (_, i) => callers[i % callers.length]);
    const answers = await Promise.all(
      sent.map((caller) => post(h.gateway.url, `{ viewer { kind } contact(id: "c1") { balanceCents } }`, { headers: caller.headers })),
    );
    expect(answers.map((answer) => answer.json.data.viewer.kind)).toEqual(sent.map((caller) => caller.kind));
  });
});
