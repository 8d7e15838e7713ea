import { describe, expect, it } from "vitest";
import { nextPathFor, safeNextPath, signInPathWithNext } from "./nextPath";

/** What a phishing link would put in `next` to send someone elsewhere after they sign in. */
const OFF_SITE = [
  "//evil.example/invoices",
  "/\\evil.example",
  "\\\\evil.example",
  "https://evil.example/",
  "javascript:alert(1)",
  "invoices/1",
  " /invoices/1",
  "/\t/evil.example",
  "/\n/evil.example",
  "/in\u0000voices",
  `/${"a".repeat(500)}`,
  "",
];

describe("the page to open after signing in", () => {
  it("follows only same-site paths", () => {
    for (const path of ["/", "/invoices/7d0c", "/documents/1?tab=signed", "/admin/invoices/1#lines", `/${"a".repeat(499)}`]) {
      expect(safeNextPath(path), path).toBe(path);
    }
    for (const path of [...OFF_SITE, null, undefined]) expect(safeNextPath(path), JSON.stringify(path)).toBeNull();
  });

  it("keeps each person in their own part of the site and away from sign-in pages", () => {
    expect(nextPathFor("CONTACT", "/invoices/1")).toBe("/invoices/1");
    expect(nextPathFor("CLIENT", "/documents/2?x=1")).toBe("/documents/2?x=1");
    expect(nextPathFor("CONTACT", "/admin/contacts")).toBeNull();
    expect(nextPathFor("CONTACT", "/operator")).toBeNull();
    expect(nextPathFor("STAFF", "/admin/documents/3")).toBe("/admin/documents/3");
    expect(nextPathFor("STAFF", "/invoices/1")).toBeNull();
    expect(nextPathFor("STAFF", "/administrator")).toBeNull();
    expect(nextPathFor("OPERATOR", "/operator/businesses/4")).toBe("/operator/businesses/4");
    expect(nextPathFor("CONTACT", "/sign-in")).toBeNull();
    expect(nextPathFor("CONTACT", "/auth/confirm?token=x")).toBeNull();
    expect(nextPathFor("STAFF", "/admin/auth/confirm")).toBeNull();
    expect(nextPathFor("CONTACT", "//evil.example")).toBeNull();
    expect(nextPathFor(null, "/invoices/1")).toBeNull();
  });

  it("puts the page into the sign-in page's address, encoded, unless it is home or unsafe", () => {
    expect(signInPathWithNext("/sign-in", "/invoices/1?tab=paid&x=1")).toBe("/sign-in?next=%2Finvoices%2F1%3Ftab%3Dpaid%26x%3D1");
    expect(signInPathWithNext("/admin/sign-in", "/admin/documents/2")).toBe("/admin/sign-in?next=%2Fadmin%2Fdocuments%2F2");
    expect(signInPathWithNext("/sign-in", "/")).toBe("/sign-in");
    expect(signInPathWithNext("/sign-in", "//evil.example")).toBe("/sign-in");
  });
});
