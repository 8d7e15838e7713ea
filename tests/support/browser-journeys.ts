import type { Browser, Page } from "playwright-core";
import { linkFromMailbox, type TestBusiness } from "./journeys.js";

/** The business's owner signs in to the admin console in a fresh browser context, from the emailed link. */
export async function staffSignIn(browser: Browser, origin: string, business: TestBusiness): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${origin}/admin/sign-in`);
  await page.getByLabel("Email").fill(business.ownerEmail);
  const since = Date.now() - 1000;
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await page.goto(await linkFromMailbox(business.staff, business.ownerEmail, since));
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/admin\/contacts/);
  return page;
}
