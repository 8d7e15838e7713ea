import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Opens the newest message to `email` whose subject starts with `subject` in the dev mailbox page.
 * It waits for the recipient filter to apply first: until then the list shows everyone's mail, and
 * the list changing under a click would move the message (and its links) away from the pointer.
 */
export async function openMail(page: Page, email: string, subject: string) {
  await page.getByLabel("Recipient").fill(email);
  const listed = page.getByRole("list", { name: "Messages" }).getByRole("button");
  await expect
    .poll(
      async () => {
        const names = await listed.allTextContents();
        return names.length > 0 && names.every((name) => name.includes(`to ${email}`));
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await page
    .getByRole("button", { name: new RegExp(`^${escaped(subject)}.*to ${escaped(email)}`) })
    .first()
    .click({ timeout: 20_000 });
  await page.getByTestId("mail-message").getByText(`to ${email}`).waitFor();
  return page.frameLocator("iframe.email-frame");
}

/**
 * Clicks a link in the mailbox's preview, which replaces the page. The preview's frame goes away
 * with the page it was in, which Playwright may report as the click's target having closed.
 */
export async function clickInPreview(page: Page, link: Locator, landsOn: RegExp) {
  await Promise.all([
    page.waitForURL(landsOn),
    link.click().catch((error: unknown) => {
      if (!String(error).includes("has been closed")) throw error;
    }),
  ]);
}
