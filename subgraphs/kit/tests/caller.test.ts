import { describe, expect, it } from "vitest";
import {
  CALLER_HEADER,
  type CallerClaims,
  type SignedRequest,
  requestTarget,
  SIGNATURE_HEADER,
  SIGNATURE_MAX_AGE_MS,
  SIGNATURE_MAX_FUTURE_MS,
  signBody,
  signCaller,
  signSocketCaller,
  systemCaller,
  verifyBody,
  verifyCaller,
  verifySocketCaller,
} from "../src/caller.js";

const SECRET = "s".repeat(32);
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const claims: CallerClaims = {
  businessId: "b-1",
  actor: { kind: "staff", id: "s-1", role: "owner" },
  ip: "203.0.113.7",
  userAgent: "Browser/1.0",
};
const query = { method: "POST", path: "/graphql", body: '{"query":"{ viewer { id } }"}' };

/** The subgraph's side: the two headers the gateway sent, checked for `request` at `now`. */
function verify(headers: Record<string, string>, request: SignedRequest = query, now = NOW, secret = SECRET) {
  return verifyCaller(secret, headers[CALLER_HEADER], headers[SIGNATURE_HEADER], request, now);
}

describe("caller signatures on HTTP requests", () => {
  it("hand the subgraph the caller the gateway signed, stamped with the signing time", () => {
    expect(verify(signCaller(SECRET, claims, query, NOW))).toEqual({ ...claims, issuedAt: NOW });
  });

  it("stamp the signing time themselves and carry nothing beyond the caller's fields", () => {
    const extra = { ...claims, issuedAt: NOW - 60 * 60_000, cookie: "session=abc" } as CallerClaims;
    const caller = verify(signCaller(SECRET, extra, query, NOW));
    expect(caller).toEqual({ ...claims, issuedAt: NOW });
  });

  it("are refused with another secret, a changed caller or a changed signature", () => {
    const headers = signCaller(SECRET, claims, query, NOW);
    expect(verify(headers, query, NOW, "t".repeat(32))).toBeNull();
    const promoted = signCaller(SECRET, { ...claims, actor: { kind: "operator", id: "s-1" } }, query, NOW)[CALLER_HEADER]!;
    expect(verify({ ...headers, [CALLER_HEADER]: promoted })).toBeNull();
    expect(verify({ ...headers, [SIGNATURE_HEADER]: `${headers[SIGNATURE_HEADER]!.slice(0, -1)}A` })).toBeNull();
  });

  it("are refused when either header is missing", () => {
    const headers = signCaller(SECRET, claims, query, NOW);
    expect(verifyCaller(SECRET, undefined, headers[SIGNATURE_HEADER], query, NOW)).toBeNull();
    expect(verifyCaller(SECRET, headers[CALLER_HEADER], undefined, query, NOW)).toBeNull();
    expect(verifyCaller(SECRET, "", "", query, NOW)).toBeNull();
  });

  it("cover the method, the request target and the exact body: a captured pair carries no other request", () => {
    const headers = signCaller(SECRET, claims, query, NOW);
    expect(verify(headers, { ...query, method: "GET" })).toBeNull();
    expect(verify(headers, { ...query, path: "/graphql?x=1" })).toBeNull();
    expect(verify(headers, { ...query, path: "/files/invoices/1.pdf" })).toBeNull();
    expect(verify(headers, { ...query, body: '{"query":"{ viewer { id email } }"}' })).toBeNull();
  });

  it("compare the method without regard to case and the body by its bytes, whatever their type", () => {
    const headers = signCaller(SECRET, claims, query, NOW);
    expect(verify(headers, { ...query, method: "post" })).not.toBeNull();
    expect(verify(headers, { ...query, body: new TextEncoder().encode(query.body) })).not.toBeNull();
    expect(verify(headers, { ...query, body: Buffer.from(query.body) })).not.toBeNull();
  });

  it("treat a missing body as an empty one, as for a GET", () => {
    const download = { method: "GET", path: "/files/invoices/1.pdf" };
    const headers = signCaller(SECRET, claims, download, NOW);
    expect(verify(headers, { ...download, body: null })).not.toBeNull();
    expect(verify(headers, { ...download, body: "" })).not.toBeNull();
    expect(verify(headers, { ...download, body: "x" })).toBeNull();
  });

  it("stay usable for 30 seconds and then never again", () => {
    const headers = signCaller(SECRET, claims, query, NOW);
    expect(verify(headers, query, NOW + SIGNATURE_MAX_AGE_MS)).not.toBeNull();
    expect(verify(headers, query, NOW + SIGNATURE_MAX_AGE_MS + 1)).toBeNull();
  });

  it("absorb a few seconds of clock skew but refuse dates further ahead", () => {
    const headers = signCaller(SECRET, claims, query, NOW);
    expect(verify(headers, query, NOW - SIGNATURE_MAX_FUTURE_MS)).not.toBeNull();
    expect(verify(headers, query, NOW - SIGNATURE_MAX_FUTURE_MS - 1)).toBeNull();
  });

  it("yield nothing (and throw nothing) for a forged payload", () => {
    const signature = signCaller(SECRET, claims, query, NOW)[SIGNATURE_HEADER];
    for (const payload of ["not base64 json", Buffer.from("[1,2]").toString("base64url"), "%%%"]) {
      expect(verifyCaller(SECRET, payload, signature, query, NOW)).toBeNull();
    }
  });
});

describe("caller signatures for WebSockets", () => {
  it("open a socket for the signed caller, within the same freshness window", () => {
    const params = signSocketCaller(SECRET, claims, NOW);
    expect(verifySocketCaller(SECRET, params[CALLER_HEADER], params[SIGNATURE_HEADER], NOW)).toEqual({ ...claims, issuedAt: NOW });
    expect(verifySocketCaller(SECRET, params[CALLER_HEADER], params[SIGNATURE_HEADER], NOW + SIGNATURE_MAX_AGE_MS + 1)).toBeNull();
    expect(verifySocketCaller("t".repeat(32), params[CALLER_HEADER], params[SIGNATURE_HEADER], NOW)).toBeNull();
    expect(verifySocketCaller(SECRET, undefined, params[SIGNATURE_HEADER], NOW)).toBeNull();
  });

  it("cannot be replayed as HTTP headers, nor HTTP headers as a socket's", () => {
    const params = signSocketCaller(SECRET, claims, NOW);
    const get = { method: "GET", path: "/graphql" };
    expect(verify(params, get)).toBeNull();
    const headers = signCaller(SECRET, claims, get, NOW);
    expect(verifySocketCaller(SECRET, headers[CALLER_HEADER], headers[SIGNATURE_HEADER], NOW)).toBeNull();
  });
});

describe("signed internal bodies", () => {
  const body = JSON.stringify({ token: "abc" });

  it("verify for the exact body while fresh", () => {
    const headers = signBody(SECRET, body, NOW);
    expect(headers["x-portal-timestamp"]).toBe(String(NOW));
    expect(verifyBody(SECRET, body, headers["x-portal-timestamp"], headers[SIGNATURE_HEADER], NOW + SIGNATURE_MAX_AGE_MS)).toBe(true);
  });

  it("are refused for another body, another secret, a moved timestamp, or once stale", () => {
    const headers = signBody(SECRET, body, NOW);
    const stamp = headers["x-portal-timestamp"];
    const signature = headers[SIGNATURE_HEADER];
    expect(verifyBody(SECRET, `${body} `, stamp, signature, NOW)).toBe(false);
    expect(verifyBody("t".repeat(32), body, stamp, signature, NOW)).toBe(false);
    expect(verifyBody(SECRET, body, String(NOW + 1), signature, NOW)).toBe(false);
    expect(verifyBody(SECRET, body, stamp, signature, NOW + SIGNATURE_MAX_AGE_MS + 1)).toBe(false);
  });

  it("are refused without a timestamp or signature, or with a timestamp that is not a number", () => {
    const signature = signBody(SECRET, body, NOW)[SIGNATURE_HEADER];
    expect(verifyBody(SECRET, body, undefined, signature, NOW)).toBe(false);
    expect(verifyBody(SECRET, body, String(NOW), undefined, NOW)).toBe(false);
    expect(verifyBody(SECRET, body, "soon", signature, NOW)).toBe(false);
  });
});

describe("requestTarget", () => {
  it("is the path and query a server sees in req.url, without host or fragment", () => {
    expect(requestTarget("http://127.0.0.1:4103/graphql")).toBe("/graphql");
    expect(requestTarget("http://127.0.0.1:4103/files/invoices/1.pdf?download=1#top")).toBe("/files/invoices/1.pdf?download=1");
    expect(requestTarget(new URL("https://portal.example/"))).toBe("/");
  });
});

describe("systemCaller", () => {
  it("acts for the platform itself, with no actor id, for one business or none", () => {
    const before = Date.now();
    const caller = systemCaller("b-1");
    expect(caller).toMatchObject({ businessId: "b-1", actor: { kind: "system", id: null }, ip: "127.0.0.1", userAgent: "system" });
    expect(caller.issuedAt).toBeGreaterThanOrEqual(before);
    expect(systemCaller(null).businessId).toBeNull();
  });
});
