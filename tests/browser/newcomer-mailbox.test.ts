import { describe, expect, it } from "vitest";
import { staffSignIn } from "../support/browser-journeys.js";
import { clickInPreview, openMail } from "../support/browser-mailbox.js";
import { mapPortalPort } from "../support/browser-portal-port.js";
import { useBrowserPlatform } from "../support/browser.js";
import { createBusiness, createContact, createInvoice } from "../support/journeys.js";

/**
 * What a newcomer does on the first day: everything through the dev mailbox page, links clicked in
 * the message preview (never copied), on the business's own address (`<slug>.localhost:4000`, mapped
 * to this test's gateway), ending on the page the first email was about.
 */
describe("the newcomer's path from the dev mailbox, in the browser", () => {
  const env = useBrowserPlatform();

  it("invoice email → sign-in page on the business's host → sign-in email → the invoice; then sections follow the settings live", async () => {
    const business = await createBusiness(env.platform, "Newcomer Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const portal = `http://${business.host}:4000`; // the address in every email
    const email = `robin@${business.slug}.test`;
    const contactId = await createContact(business.staff, { name: "Robin Newcomer", email });
    const invoice = await createInvoice(business.staff, {
      contactId,
      currency: "USD",
      lines: [{ description: "Intro session", quantity: 1, unitPrice: 6000 }],
      issueDate: "2026-11-01",
      dueDate: "2099-12-01",
    });

    // Staff send the invoice (inviting Robin to the portal, as the box is ticked by default).
    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.goto(`${origin}/admin/invoices/${invoice.id}`);
    await staffPage.getByRole("button", { name: "Send invoice" }).click();
    await staffPage.getByText(/sent to Robin Newcomer/).waitFor();

    // Robin opens the dev mailbox on the business's address and clicks the button in the invoice email.
    const context = await env.browser.newContext();
    await mapPortalPort(context, env.platform.gatewayPort);
    const page = await context.newPage();
    await page.goto(`${portal}/dev/mailbox`);
    const invoiceMail = await openMail(page, email, "You have a new invoice from");
    await clickInPreview(page, invoiceMail.getByRole("link", { name: "View and pay invoice" }), /\/sign-in\?/);

    // Not signed in yet: the business's own sign-in page, remembering the invoice.
    const signInPage = new URL(page.url());
    expect(signInPage.hostname).toBe(business.host);
    expect(signInPage.searchParams.get("next")).toBe(`/invoices/${invoice.id}`);
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a sign-in link" }).click();
    await page.getByRole("heading", { name: "Check your email" }).waitFor();

    // The sign-in email, clicked in the mailbox preview too, confirms and opens the invoice.
    await page.goto(`${portal}/dev/mailbox`);
    const signInMail = await openMail(page, email, "Your sign-in link for");
    await clickInPreview(page, signInMail.getByRole("link", { name: "Sign in" }), /\/auth\/confirm\?/);
    await page.getByRole("heading", { name: "Finish signing in" }).waitFor();
    const confirmPage = new URL(page.url());
    expect(confirmPage.hostname).toBe(business.host);
    expect(confirmPage.searchParams.get("next")).toBe(`/invoices/${invoice.id}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Invoice #1" }).waitFor();
    const landed = new URL(page.url());
    expect(landed.hostname).toBe(business.host);
    expect(landed.pathname).toBe(`/invoices/${invoice.id}`);

    // Staff are offered every section.
    await staffPage.goto(`${origin}/admin/settings`);
    const invoicesToggle = staffPage.getByLabel("Invoices", { exact: true });
    await invoicesToggle.waitFor();
    expect(await staffPage.getByRole("checkbox").count()).toBe(6);
    for (const offered of ["Documents", "Courses", "Communities", "Appointments", "Affiliates"])
      await staffPage.getByLabel(offered, { exact: true }).waitFor();

    // Robin's open dashboard loses the Invoices card and menu entry when staff turn Invoices off, without a reload.
    await page.goto(`${portal}/`);
    await page.getByTestId("section-card-invoices").waitFor();
    const menu = page.getByRole("navigation", { name: "Portal" });
    await menu.getByRole("link", { name: "Invoices" }).waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await invoicesToggle.uncheck();
    await staffPage.getByRole("button", { name: "Save settings" }).click();
    await staffPage.getByRole("status").getByText("Saved").waitFor();
    await expect.poll(() => page.getByTestId("section-card-invoices").count(), { timeout: 10_000 }).toBe(0);
    expect(await menu.getByRole("link", { name: "Invoices" }).count()).toBe(0);
    const empty = await page.getByTestId("dashboard-empty").textContent();
    expect(empty).toContain("documents, courses, community groups or appointments");
    expect(empty).not.toMatch(/affiliates|referrals|invoices/);
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);

    // …and gets them back the same way.
    await invoicesToggle.check();
    await staffPage.getByRole("button", { name: "Save settings" }).click();
    await menu.getByRole("link", { name: "Invoices" }).waitFor({ timeout: 10_000 });
    await page.getByTestId("section-card-invoices").waitFor();

    // An address that is no page keeps the branded frame and offers a way home.
    await page.goto(`${portal}/no-such-page`);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await menu.getByRole("link", { name: "Home" }).waitFor();
    await page.getByRole("link", { name: "Go to your dashboard" }).click();
    await page.getByRole("heading", { name: /Welcome, Robin/ }).waitFor();
  }, 120_000);

  it("answers unknown addresses inside the portal's public frame and the admin console's frame", async () => {
    const business = await createBusiness(env.platform, "Lost Links Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;

    const visitor = await (await env.browser.newContext()).newPage();
    await visitor.goto(`${origin}/no-such-page`);
    await visitor.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await visitor.locator(".topbar").getByText("Lost Links Studio").isVisible()).toBe(true);
    await visitor.getByRole("link", { name: "Go to the start page" }).click();
    await visitor.waitForURL(/\/sign-in$/);

    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.goto(`${origin}/admin/no-such-page`);
    await staffPage.getByRole("heading", { name: "Page not found" }).waitFor();
    expect(await staffPage.getByText("Admin console").first().isVisible()).toBe(true);
    await staffPage.getByRole("link", { name: "Go to the admin console" }).click();
    await staffPage.waitForURL(/\/admin\/contacts$/);
  }, 60_000);
});
