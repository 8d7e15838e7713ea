import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { startPlatform, type Platform, type PlatformOptions } from "./platform.js";

/** Debian's chromium, headless, with the flags this sandboxed, offline machine needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The whole platform serving the built web app, and a browser, for one describe block. */
export interface BrowserPlatform {
  platform: Platform;
  browser: Browser;
}

/**
 * Starts the platform (gateway serving web/dist) and Chromium before the block's tests and stops
 * both after them. Read `env.platform` / `env.browser` inside the tests, once they have started.
 */
export function useBrowserPlatform(options: Omit<PlatformOptions, "webDistDir"> = {}): BrowserPlatform {
  const env = {} as BrowserPlatform;
  beforeAll(async () => {
    env.platform = await startPlatform(inject("databaseUrl" as never) as string, { webDistDir: "web/dist", ...options });
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.platform?.stop();
  });
  return env;
}
