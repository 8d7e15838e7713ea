import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import type { PortalClient } from "./http-client.js";
import { linkFromMailbox, type TestBusiness } from "./journeys.js";

/**
 * An emailed link opened on this test's gateway: links carry the business's configured portal address
 * (the development `http://<slug>.localhost:4000`), not this test's port.
 */
export function onOrigin(origin: string, link: string): string {
  const url = new URL(link);
  return `${origin}${url.pathname}${url.search}`;
}

/** The business's owner signs in to the admin console in a fresh browser context, from the emailed link. */
export async function staffSignIn(browser: Browser, origin: string, business: TestBusiness): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/admin/sign-in`);
  await page.getByLabel("Email").fill(business.ownerEmail);
  const since = Date.now() - 1000;
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await page.goto(onOrigin(origin, await linkFromMailbox(business.staff, business.ownerEmail, since)));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/contacts/);
  return page;
}

/**
 * A client signs in from the newest emailed link to `email` (an invitation or sign-in link) in a
 * fresh browser context (its path and query opened on `origin`).
 */
export async function clientSignInFromEmail(
  browser: Browser,
  origin: string,
  reader: PortalClient,
  email: string,
  since: number,
  expectedPath?: string,
): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const link = new URL(await linkFromMailbox(reader, email, since));
  if (expectedPath) expect(link.pathname).toBe(expectedPath);
  await page.goto(onOrigin(origin, link.href));
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}
