import { describe, expect, it } from "vitest";
import { clearedSessionCookie, parseSetSession, readCookie, sessionCookie } from "../src/cookies.js";
import { clientIp, fetchHeaders, InvalidHostError, requestFacts, validHost } from "../src/request-facts.js";

const headers = (values: Record<string, string>) => fetchHeaders(new Headers(values));

describe("what the gateway reads from a request", () => {
  const proxied = {
    host: "internal:4000",
    "x-forwarded-for": "203.0.113.9, 10.0.0.2",
    "x-forwarded-proto": "https",
    "x-forwarded-host": "Portal.Acme.com",
    "user-agent": "Mozilla/5.0",
  };

  it("ignores proxy headers unless TRUST_PROXY names at least one hop", () => {
    const facts = requestFacts(headers(proxied), "10.0.0.3", 0);
    expect(facts).toMatchObject({ ip: "10.0.0.3", secure: false, credentials: { host: "internal" } });
    expect(facts).not.toHaveProperty("origin");
  });

  it("behind one trusted proxy, takes the address that proxy saw (the rightmost entry), its scheme and host", () => {
    const facts = requestFacts(headers(proxied), "10.0.0.3", 1);
    expect(facts).toMatchObject({ ip: "10.0.0.2", secure: true, userAgent: "Mozilla/5.0", credentials: { host: "portal.acme.com" } });
  });

  it("never believes entries a client put in front of what our proxies wrote", () => {
    const spoofed = (forwardedFor: string, hops: number) =>
      requestFacts(headers({ host: "a.localhost", "x-forwarded-for": forwardedFor }), "127.0.0.1", hops).ip;
    expect(spoofed("6.6.6.6, 10.0.0.1", 1)).toBe("10.0.0.1");
    expect(spoofed("6.6.6.6, 203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
    // A chain shorter than the hops configured: the leftmost address there is.
    expect(spoofed("203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientIp(undefined, "10.0.0.9", 1)).toBe("10.0.0.9");
  });

  it("takes the scheme and host our proxy set last, not ones a client sent before it", () => {
    const facts = requestFacts(
      headers({ host: "internal", "x-forwarded-proto": "https, http", "x-forwarded-host": "evil.test, portal.acme.com" }),
      "10.0.0.3",
      1,
    );
    expect(facts).toMatchObject({ secure: false, credentials: { host: "portal.acme.com" } });
  });

  it("accepts host names, IPv4 and bracketed IPv6 with a numeric port, and nothing else", () => {
    for (const host of [
      "brightside.localhost",
      "brightside.localhost:4000",
      "Portal.Acme.COM",
      "127.0.0.1:80",
      "[::1]:4000",
      "[2001:db8::1]",
      "localhost",
    ]) {
      expect(() => validHost(host), host).not.toThrow();
    }
    for (const host of [
      "brightside.localhost:80/x?",
      "a@evil.test",
      "brightside.localhost:1@evil.test",
      "evil.test#",
      "a b",
      "",
      ":80",
      "host:99999",
      "host:-1",
      "[::1",
      "[nope]:80",
      "-a.test",
      "a..test",
      `${"x".repeat(64)}.test`,
    ]) {
      expect(() => validHost(host), host).toThrow(InvalidHostError);
    }
    expect(() => requestFacts(headers({ host: "a@evil.test" }), undefined, 0)).toThrow(InvalidHostError);
    expect(() => requestFacts(headers({ host: "a.localhost", "x-forwarded-host": "a@evil.test" }), undefined, 1)).toThrow(InvalidHostError);
    // Without a trusted proxy the forwarded host is not even looked at.
    expect(requestFacts(headers({ host: "a.localhost", "x-forwarded-host": "a@evil.test" }), undefined, 0).credentials.host).toBe(
      "a.localhost",
    );
  });

  it("reads the session cookie and a bearer API key (header, or connectionParams for WebSockets)", () => {
    expect(requestFacts(headers({ host: "a.localhost", cookie: "theme=dark; portal_session=tok%3D1" }), undefined, 0).credentials).toEqual({
      host: "a.localhost",
      sessionToken: "tok=1",
      apiKey: undefined,
    });
    expect(requestFacts(headers({ host: "a.localhost", authorization: "Bearer pk_1" }), undefined, 0).credentials.apiKey).toBe("pk_1");
    expect(requestFacts(headers({ host: "a.localhost" }), undefined, 0, "Bearer pk_2").credentials.apiKey).toBe("pk_2");
    expect(requestFacts(headers({ host: "a.localhost", authorization: "Basic abc" }), undefined, 0).credentials.apiKey).toBeUndefined();
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
