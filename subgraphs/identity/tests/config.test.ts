import { describe, expect, it } from "vitest";
import { readIdentityConfig } from "../src/config.js";
import { portalUrlOf } from "../src/shared/portal-urls.js";

const BASE = { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/portal", PORTAL_SECRET: "x".repeat(32) };
const read = (env: Record<string, string>) => readIdentityConfig({ ...BASE, ...env });

describe("identity configuration: where links point", () => {
  it("defaults to the gateway's development addresses", () => {
    const { options } = read({});
    expect(options.portalUrls).toEqual({ portalUrlTemplate: "http://{slug}.localhost:4000", platformUrl: "http://localhost:4000" });
    expect(portalUrlOf({ slug: "brightside", hostNames: [] }, options.portalUrls!)).toBe("http://brightside.localhost:4000");
    expect(portalUrlOf({ slug: "brightside", hostNames: ["portal.bright.example", "bright.example"] }, options.portalUrls!)).toBe(
      "https://portal.bright.example",
    );
  });

  it("accepts an https template with {slug} in the host name", () => {
    const { options } = read({
      NODE_ENV: "production",
      PORTAL_URL_TEMPLATE: "https://{slug}.portal.example.com/",
      PLATFORM_URL: "https://portal.example.com",
    });
    expect(portalUrlOf({ slug: "acme", hostNames: [] }, options.portalUrls!)).toBe("https://acme.portal.example.com");
  });

  it.each([
    ["https://portal.example.com", /PORTAL_URL_TEMPLATE: must contain \{slug\}/],
    ["https://portal.example.com/{slug}", /PORTAL_URL_TEMPLATE: must contain \{slug\} in the host/],
    ["https://portal.example.com/?business={slug}", /PORTAL_URL_TEMPLATE: must contain \{slug\} in the host/],
    ["ftp://{slug}.portal.example.com", /PORTAL_URL_TEMPLATE: must start with https:\/\//],
    ["https://{slug}.portal.example.com/app", /PORTAL_URL_TEMPLATE: must be an origin only/],
    ["https://{slug}@evil.example", /PORTAL_URL_TEMPLATE: must contain \{slug\} in the host/],
    ["{slug}.portal.example.com", /PORTAL_URL_TEMPLATE: must be a URL/],
  ])("refuses the template %s, naming the variable", (template, message) => {
    expect(() => read({ PORTAL_URL_TEMPLATE: template })).toThrow(message);
  });

  it("requires https for both addresses in production", () => {
    expect(() => read({ NODE_ENV: "production", PLATFORM_URL: "https://portal.example.com" })).toThrow(
      /PORTAL_URL_TEMPLATE: must use https:\/\/ in production/,
    );
    expect(() => read({ NODE_ENV: "production", PORTAL_URL_TEMPLATE: "https://{slug}.portal.example.com" })).toThrow(
      /PLATFORM_URL: must use https:\/\/ in production/,
    );
  });

  it("reads the sign-in limits, the per-email ceiling included", () => {
    expect(read({}).options.signInLimits).toEqual({ perEmail: 5, perIp: 30, perEmailTotal: 20, windowSeconds: 900 });
    expect(read({ SIGN_IN_LIMIT_PER_EMAIL_TOTAL: "50" }).options.signInLimits.perEmailTotal).toBe(50);
    expect(() => read({ SIGN_IN_LIMIT_PER_EMAIL_TOTAL: "0" })).toThrow(/SIGN_IN_LIMIT_PER_EMAIL_TOTAL/);
  });
});
