import { describe, expect, it } from "vitest";
import { onOrigin } from "../support/browser-journeys.js";
import { useBrowserPlatform } from "../support/browser.js";
import { createBusiness, linkFromMailbox } from "../support/journeys.js";

/**
 * The main journey in a real browser: staff invite a contact, the contact signs in from the emailed
 * link and sees the branded dashboard, staff remove access and the contact is signed out live.
 */
describe("portal journey in the browser", () => {
  const env = useBrowserPlatform();

  it("invite → sign in from the email → branded dashboard → access removed → signed out", async () => {
    const business = await createBusiness(env.platform, "Harbor Yoga");
    const branded = await business.operator.data(
      `mutation ($id: ID!, $input: BrandingInput!) { updateBranding(businessId: $id, input: $input) { __typename ... on UserError { message } } }`,
      { id: business.id, input: { displayName: "Harbor Yoga Studio", logoUrl: null, primaryColor: "#0f766e", accentColor: "#f59e0b" } },
    );
    expect(branded.updateBranding.__typename).toBe("BusinessSuccess");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const clientEmail = `maya@${business.slug}.test`;

    // Staff sign in to the admin console with a magic link.
    const staffPage = await (await env.browser.newContext()).newPage();
    await staffPage.goto(`${origin}/admin/sign-in`);
    await staffPage.getByLabel("Email").fill(business.ownerEmail);
    let since = Date.now() - 1000;
    await staffPage.getByRole("button", { name: "Send me a sign-in link" }).click();
    await staffPage.goto(onOrigin(origin, await linkFromMailbox(business.staff, business.ownerEmail, since)));
    await staffPage.getByRole("button", { name: "Sign in" }).click();
    await staffPage.waitForURL(/\/admin\/contacts/);

    // …create a contact and invite them.
    await staffPage.getByRole("link", { name: /new contact/i }).click();
    await staffPage.getByLabel("Name").fill("Maya Client");
    await staffPage.getByLabel("Email").fill(clientEmail);
    await staffPage.getByRole("button", { name: "Create contact" }).click();
    await staffPage.goto(`${origin}/admin/contacts`);
    const row = staffPage.getByRole("row").filter({ hasText: clientEmail });
    since = Date.now() - 1000;
    await row.getByRole("button", { name: "Invite" }).click();
    await expect.poll(() => row.textContent()).toContain("Invited");

    // The contact opens the emailed link, confirms, and lands on the branded dashboard.
    const clientPage = await (await env.browser.newContext()).newPage();
    await clientPage.goto(onOrigin(origin, await linkFromMailbox(business.staff, clientEmail, since)));
    await expect.poll(() => clientPage.getByRole("heading", { name: "Finish signing in" }).isVisible()).toBe(true);
    await clientPage.getByRole("button", { name: "Sign in" }).click();
    await clientPage.getByRole("heading", { name: /Welcome, Maya/ }).waitFor();
    expect(await clientPage.getByText("Harbor Yoga Studio").first().isVisible()).toBe(true);
    const primary = await clientPage.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--brand-primary").trim());
    expect(primary.toLowerCase()).toBe("#0f766e");

    // Staff see the contact turn active without reloading.
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("Active");

    // Staff remove access; the contact's open portal signs them out by itself.
    await row.getByRole("button", { name: "Remove access" }).click();
    await staffPage.getByRole("dialog").getByRole("button", { name: "Remove access" }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain("Revoked");
    await clientPage.getByText("You have been signed out").waitFor({ timeout: 10_000 });
    expect(clientPage.url()).toContain("/sign-in");
  }, 90_000);
});
