import { describe, expect, it } from "vitest";
import { referralTarget } from "../src/referral-links.js";

const answer = (location: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ location, code: "alex-1", cookieMaxAge: 2_592_000, ...extra });

describe("the referral redirect's check of the affiliates service's answer", () => {
  it("follows an absolute http(s) landing URL with the code and the cookie's age", () => {
    expect(referralTarget(answer("https://acme.example/pricing?ref=alex-1"))).toEqual({
      location: "https://acme.example/pricing?ref=alex-1",
      code: "alex-1",
      cookieMaxAge: 2_592_000,
    });
    expect(referralTarget(answer("http://localhost:4000/?ref=alex-1"))?.location).toBe("http://localhost:4000/?ref=alex-1");
  });

  it.each([
    "//evil.example/",
    "/relative/path",
    "https:evil.example",
    "https:/evil.example",
    "https:\\\\evil.example",
    "https://\\evil.example",
    "javascript:alert(1)",
    "data:text/html,hi",
    "https://good.example@evil.example/",
    "https://user:pass@good.example/",
    " https://good.example/",
    "https://good.example/\r\nset-cookie: x=1",
    "https://good.example/\u0000",
    "ftp://good.example/",
  ])("never redirects to %j", (location) => {
    expect(referralTarget(answer(location))).toBeNull();
  });

  it("refuses a malformed answer: no JSON, a code that is not a code, a cookie age out of range", () => {
    expect(referralTarget("<html>")).toBeNull();
    expect(referralTarget(answer("https://acme.example/", { code: "a b" }))).toBeNull();
    expect(referralTarget(answer("https://acme.example/", { code: "x;Domain=evil" }))).toBeNull();
    expect(referralTarget(answer("https://acme.example/", { cookieMaxAge: -1 }))).toBeNull();
    expect(referralTarget(answer("https://acme.example/", { cookieMaxAge: 10 ** 9 }))).toBeNull();
    expect(referralTarget(answer("https://acme.example/", { cookieMaxAge: "30" }))).toBeNull();
  });
});
