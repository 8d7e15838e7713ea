import { describe, expect, it } from "vitest";
import { clearedSessionCookie, parseSetSession, readCookie, sessionCookie } from "../src/cookies.js";
import { fetchHeaders, requestFacts } from "../src/request-facts.js";

const headers = (values: Record<string, string>) => fetchHeaders(new Headers(values));

describe("what the gateway reads from a request", () => {
  const proxied = { host: "internal:4000", "x-forwarded-for": "203.0.113.9, 10.0.0.2", "x-forwarded-proto": "https", "x-forwarded-host": "Portal.Acme.com", "user-agent": "Mozilla/5.0" };

  it("ignores proxy headers unless TRUST_PROXY is on", () => {
    const facts = requestFacts(headers(proxied), "10.0.0.2", false);
    expect(facts).toMatchObject({ ip: "10.0.0.2", secure: false, origin: "http://internal:4000", credentials: { host: "internal" } });
  });

  it("behind a trusted proxy, takes the client IP, scheme and public host from it", () => {
    const facts = requestFacts(headers(proxied), "10.0.0.2", true);
    expect(facts).toMatchObject({ ip: "203.0.113.9", secure: true, origin: "https://portal.acme.com", userAgent: "Mozilla/5.0", credentials: { host: "portal.acme.com" } });
  });

  it("reads the session cookie and a bearer API key (header, or connectionParams for WebSockets)", () => {
    expect(requestFacts(headers({ host: "a.localhost", cookie: "theme=dark; portal_session=tok%3D1" }), undefined, false).credentials).toEqual({ host: "a.localhost", sessionToken: "tok=1", apiKey: undefined });
    expect(requestFacts(headers({ host: "a.localhost", authorization: "Bearer pk_1" }), undefined, false).credentials.apiKey).toBe("pk_1");
    expect(requestFacts(headers({ host: "a.localhost" }), undefined, false, "Bearer pk_2").credentials.apiKey).toBe("pk_2");
    expect(requestFacts(headers({ host: "a.localhost", authorization: "Basic abc" }), undefined, false).credentials.apiKey).toBeUndefined();
  });
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, site-wide, and Secure only over https", () => {
    expect(sessionCookie("t", 60, false)).toBe("portal_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=60");
    expect(sessionCookie("t", 60, true)).toMatch(/; Secure$/);
    expect(clearedSessionCookie(true)).toMatch(/^portal_session=; Path=\/; HttpOnly; SameSite=Lax; Max-Age=0; .*; Secure$/);
  });

  it("parses the subgraph's request and refuses malformed ones", () => {
    expect(parseSetSession("abc;3600")).toEqual({ token: "abc", maxAgeSeconds: 3600 });
    expect(parseSetSession("abc")).toBeNull();
    expect(parseSetSession(";3600")).toBeNull();
    expect(readCookie("a=1; b=2", "b")).toBe("2");
    expect(readCookie(undefined, "b")).toBeUndefined();
  });
});
