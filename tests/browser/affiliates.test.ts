import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useBrowserPlatform } from "../support/browser.js";
import { seriousViolations } from "../support/axe.js";
import { clientSignInFromEmail, staffSignIn } from "../support/browser-journeys.js";
import { createBusiness, createContact, createInvoice, type TestBusiness } from "../support/journeys.js";

const RESULT = `__typename ... on UserError { message } ... on ValidationError { field }`;
const PHONE = { width: 375, height: 812 };
const SCREENSHOTS = "test-results/screenshots";
/** A visitor's ordinary browser: headless Chromium's own user agent is (rightly) taken for a bot and not counted. */
const VISITOR_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/**
 * The programme switched on at 20 % of the first payment, held 30 days. Links land on this test's
 * portal (the first allowed page), not on the configured development address, which is no server here.
 */
async function openProgramme(business: TestBusiness, origin: string) {
  const result = await business.staff.data(
    `mutation($input: AffiliateProgrammeInput!) { updateAffiliateProgramme(input: $input) { ${RESULT} } }`,
    {
      input: {
        enabled: true,
        commissionType: "PERCENTAGE",
        commissionBasisPoints: 2000,
        recurringMonths: 0,
        attributionWindowDays: 30,
        holdDays: 30,
        minimumPayout: 5000,
        allowedLandingUrls: [`${origin}/`],
      },
    },
  );
  expect(result.updateAffiliateProgramme.__typename).toBe("AffiliateProgrammeSuccess");
}

/**
 * Staff make a contact an affiliate; the affiliate signs in from the invitation, copies their link;
 * a visitor follows it and lands with the code; a client created with that code pays an invoice;
 * the affiliate then sees the referral and the pending commission with the day it becomes payable.
 */
describe("the affiliate programme, in the browser", () => {
  const env = useBrowserPlatform();

  it("affiliate shares a link → visitor redirected → referred client pays → pending commission → approved, paid out, exported; another cancelled with a reason; the affiliate removed", async () => {
    const business = await createBusiness(env.platform, "Referral Bakery");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    await openProgramme(business, origin);
    const email = `ada@${business.slug}.test`;
    await createContact(business.staff, { name: "Ada Affiliate", email });

    // Staff find Ada and make her an affiliate; the invitation takes her to her affiliate page.
    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.goto(`${origin}/admin/affiliates`);
    await staffPage.getByRole("heading", { name: "Make a contact an affiliate" }).waitFor();
    await staffPage.getByLabel("Search contacts").fill("Ada");
    const contact = staffPage.getByLabel("Contact", { exact: true });
    await expect.poll(() => contact.locator("option", { hasText: "Ada Affiliate" }).count(), { timeout: 15_000 }).toBe(1);
    await contact.selectOption({ label: `Ada Affiliate (${email})` });
    const since = Date.now() - 1000;
    // Affiliates learns of a contact from identity's events: tried again while it does not know Ada yet.
    const made = staffPage.getByText("Ada Affiliate is now an affiliate.");
    const refused = staffPage.locator("form .field-error");
    await expect
      .poll(
        async () => {
          await staffPage.getByRole("button", { name: "Make affiliate" }).click();
          await made.or(refused).first().waitFor();
          return made.isVisible();
        },
        { timeout: 20_000, interval: 1000 },
      )
      .toBe(true);
    // The list shows her at once (its figures still empty).
    const affiliateRow = staffPage.getByTestId("affiliate-row").filter({ hasText: "Ada Affiliate" });
    await affiliateRow.waitFor();
    expect(await affiliateRow.textContent()).toContain(email);

    const adaPage = await clientSignInFromEmail(env.browser, origin, business.staff, email, since);
    await adaPage.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await adaPage.waitForURL(`${origin}/affiliates`);
    const shown = adaPage.getByTestId("my-referral-url");
    await shown.waitFor();
    const link = (await shown.textContent())!.trim();
    const code = new URL(link).pathname.replace(/^\/r\//, "");
    expect(link).toMatch(/\/r\/[A-Za-z0-9_-]+$/);
    await adaPage.getByRole("button", { name: "Copy your link" }).click();
    await adaPage.getByRole("status").filter({ hasText: "Copied" }).waitFor();
    expect(await adaPage.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The terms are stated plainly.
    await adaPage.getByText("You earn 20% of what they pay, on their first payment only").waitFor();

    // Ada makes a campaign link for her newsletter; it is listed with its own figures.
    await adaPage.getByLabel("Name in the link").fill("spring-cakes");
    await adaPage.getByRole("button", { name: "Create link" }).click();
    await adaPage.getByText(/Your new link is ready: .*\/r\/spring-cakes/).waitFor();
    await adaPage.getByTestId("referral-link").filter({ hasText: "/r/spring-cakes" }).waitFor();

    // A visitor follows the main link: redirected to its page with the code, the referral cookie set.
    const visitor = await env.browser.newContext({ userAgent: VISITOR_AGENT });
    const visitorPage = await visitor.newPage();
    const landing = visitorPage.waitForRequest((request) => new URL(request.url()).searchParams.get("ref") === code);
    await visitorPage.goto(`${origin}/r/${code}`);
    const landed = new URL((await landing).url());
    expect(`${landed.origin}${landed.pathname}`).toBe(`${origin}/`);
    const cookies = await visitor.cookies(origin);
    expect(cookies.find((cookie) => cookie.name === "portal_ref")?.value).toBe(code);
    // An unknown code is a 404, not a redirect anywhere.
    expect((await visitorPage.goto(`${origin}/r/no-such-code`))?.status()).toBe(404);

    // The visitor signs up: the new contact carries the code; staff invoice and record a payment.
    const referred = await business.staff.data(
      `mutation ($input: ContactInput!) { createContact(input: $input) { ${RESULT} ... on ContactSuccess { contact { id } } } }`,
      { input: { name: "Vic Visitor", email: `vic@${business.slug}.test`, phone: null, dnd: false, referralCode: code } },
    );
    expect(referred.createContact.__typename).toBe("ContactSuccess");
    const invoice = await createInvoice(business.staff, {
      contactId: referred.createContact.contact.id,
      currency: "USD",
      lines: [{ description: "Wedding cake", quantity: 1, unitPrice: 45000 }],
      issueDate: "2026-11-01",
      dueDate: "2099-12-01",
    });
    const sent = await business.staff.data(`mutation ($id: ID!) { sendInvoice(id: $id, inviteToPortal: false) { ${RESULT} } }`, {
      id: invoice.id,
    });
    expect(sent.sendInvoice.__typename).toBe("InvoiceSuccess");
    const paid = await business.staff.data(`mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { ${RESULT} } }`, {
      input: { invoiceId: invoice.id, method: "BANK_TRANSFER", reference: "TR-1" },
    });
    expect(paid.recordPayment.__typename).toBe("InvoiceSuccess");

    // Ada reloads her page: the click, the referral and the pending 20 % ($90.00) payable in 30 days.
    // The commissions list and the figures are separate reads of the page: wait until both show the payment.
    await expect
      .poll(
        async () => {
          await adaPage.reload();
          await adaPage.getByTestId("affiliate-figures").waitFor();
          return `${await adaPage.getByTestId("commission").count()} commission, ${await adaPage.getByTestId("figure-conversions").textContent()} conversion`;
        },
        { timeout: 30_000, interval: 2000 },
      )
      .toBe("1 commission, 1 conversion");
    expect(await adaPage.getByTestId("figure-clicks").textContent()).toBe("1");
    expect(await adaPage.getByTestId("figure-referrals").textContent()).toBe("1");
    expect(await adaPage.getByTestId("figure-conversions").textContent()).toBe("1");
    expect(await adaPage.getByTestId("figure-rate").textContent()).toBe("100%");
    expect(await adaPage.getByTestId("balance-pending").textContent()).toBe("$90.00");
    const commission = adaPage.getByTestId("commission");
    expect(await commission.getByTestId("commission-status").textContent()).toBe("Pending");
    const payable = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }).format(new Date(Date.now() + 30 * 86_400_000));
    expect(await commission.textContent()).toContain(`Payable from ${payable}`);
    // The referred client is named only in part to the affiliate.
    expect(await commission.textContent()).not.toContain(`vic@${business.slug}.test`);
    // Her referrals list Vic, masked.
    const referral = adaPage.getByTestId("referral");
    await referral.waitFor();
    expect(await referral.textContent()).not.toContain(`vic@${business.slug}.test`);
    // The chart's figures are in a table for screen readers, behind its toggle.
    await adaPage.getByRole("button", { name: "Show as table" }).click();
    await adaPage.getByRole("table", { name: /Figures per day/ }).waitFor();

    // The dashboard's Affiliates card shows the pending earnings.
    await adaPage.goto(`${origin}/`);
    const card = adaPage.getByTestId("section-card-affiliates");
    await card.waitFor();
    expect(await card.textContent()).toContain("Pending: $90.00");

    // The page works at phone width, without sideways scrolling, and axe finds nothing serious.
    await adaPage.setViewportSize(PHONE);
    await adaPage.goto(`${origin}/affiliates`);
    await adaPage.getByTestId("commission").waitFor();
    expect(await adaPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(adaPage)).toEqual([]);
    await adaPage.screenshot({ path: `${SCREENSHOTS}/affiliates-390.png`, fullPage: true });

    // Staff see the commission, pending, in the console.
    await staffPage.goto(`${origin}/admin/affiliates/commissions?status=PENDING`);
    const row = staffPage.getByTestId("commission").filter({ hasText: "Ada Affiliate" });
    await row.waitFor();
    expect(await row.textContent()).toContain("$90.00");
    expect(await seriousViolations(staffPage)).toEqual([]);
    await visitor.close();

    // Staff approve it before the hold ends: it is owed at once, above the $50.00 minimum.
    await row.getByRole("button", { name: /^Approve now/ }).click();
    await staffPage.getByText(/was approved: it can be paid out now/).waitFor();
    await staffPage.goto(`${origin}/admin/affiliates/payouts`);
    const due = staffPage.getByTestId("payout-due").filter({ hasText: "Ada Affiliate" });
    await due.waitFor();
    expect(await due.textContent()).toContain("$90.00");
    expect(await seriousViolations(staffPage)).toEqual([]);
    await due.getByLabel("Payment reference for Ada Affiliate").fill("TR-99");
    await due.getByRole("button", { name: "Record payout of $90.00" }).click();
    await staffPage.getByText("Payout of $90.00 to Ada Affiliate recorded.").waitFor();
    await staffPage.getByTestId("payout").filter({ hasText: "TR-99" }).waitFor();
    expect(await staffPage.getByTestId("payout-due").count()).toBe(0);
    await staffPage.screenshot({ path: `${SCREENSHOTS}/affiliates-payouts.png`, fullPage: true });

    // The payouts export downloads as a CSV file holding the payout.
    const [download] = await Promise.all([
      staffPage.waitForEvent("download"),
      staffPage.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^affiliate-payouts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv).toContain("TR-99");
    expect(csv).toContain("Ada Affiliate");

    // Ada sees the commission paid.
    await adaPage.reload();
    await adaPage.getByTestId("commission").waitFor();
    expect(await adaPage.getByTestId("balance-paid").textContent()).toBe("$90.00");
    expect(await adaPage.getByTestId("commission-status").textContent()).toBe("Paid");

    // A second client, from the campaign link, pays; staff cancel that commission, giving a reason.
    const second = await business.staff.data(
      `mutation ($input: ContactInput!) { createContact(input: $input) { ${RESULT} ... on ContactSuccess { contact { id } } } }`,
      { input: { name: "Wren Reader", email: `wren@${business.slug}.test`, phone: null, dnd: false, referralCode: "spring-cakes" } },
    );
    const secondInvoice = await createInvoice(business.staff, {
      contactId: second.createContact.contact.id,
      currency: "USD",
      lines: [{ description: "Cupcakes", quantity: 1, unitPrice: 5000 }],
      issueDate: "2026-11-01",
      dueDate: "2099-12-01",
    });
    await business.staff.data(`mutation ($id: ID!) { sendInvoice(id: $id, inviteToPortal: false) { ${RESULT} } }`, {
      id: secondInvoice.id,
    });
    await business.staff.data(`mutation ($input: RecordPaymentInput!) { recordPayment(input: $input) { ${RESULT} } }`, {
      input: { invoiceId: secondInvoice.id, method: "CASH" },
    });
    const pendingRow = staffPage.getByTestId("commission").filter({ hasText: "$10.00" });
    await expect
      .poll(
        async () => {
          await staffPage.goto(`${origin}/admin/affiliates/commissions?status=PENDING`);
          await staffPage.getByRole("combobox", { name: "Status" }).waitFor();
          await staffPage.getByTestId("commissions").or(staffPage.getByText("No commissions")).first().waitFor();
          return pendingRow.count();
        },
        { timeout: 30_000, interval: 2000 },
      )
      .toBe(1);
    await pendingRow.getByRole("button", { name: /^Cancel/ }).click();
    const dialog = staffPage.getByRole("dialog", { name: "Cancel this commission?" });
    await dialog.getByRole("button", { name: "Cancel commission" }).click();
    await dialog.getByText("Give a reason: the affiliate sees it.").waitFor();
    await dialog.getByLabel("Reason").fill("Order returned");
    await dialog.getByRole("button", { name: "Cancel commission" }).click();
    await staffPage.getByText("The commission of $10.00 was cancelled.").waitFor();
    await adaPage.reload();
    await adaPage.getByTestId("commission").filter({ hasText: "Cancelled: Order returned" }).waitFor();
    const campaign = adaPage.getByTestId("referral-link").filter({ hasText: "/r/spring-cakes" });
    expect(await campaign.locator('[data-label="Referrals"]').textContent()).toBe("1");

    // The affiliate's page in the console: figures, links and the referral, by name.
    await staffPage.goto(`${origin}/admin/affiliates`);
    await staffPage.getByRole("link", { name: "Ada Affiliate" }).click();
    await staffPage.getByRole("heading", { name: "Ada Affiliate", level: 1 }).waitFor();
    await staffPage.getByTestId("referral").filter({ hasText: "Vic Visitor" }).waitFor();
    await staffPage.getByTestId("referral-link").filter({ hasText: "/r/spring-cakes" }).waitFor();
    expect(await seriousViolations(staffPage)).toEqual([]);

    // The programme's settings: a shorter hold is saved, and the terms affiliates read follow.
    await staffPage.goto(`${origin}/admin/affiliates/settings`);
    const hold = staffPage.getByLabel("Hold (days)");
    await hold.waitFor();
    expect(await seriousViolations(staffPage)).toEqual([]);
    await hold.fill("14");
    await staffPage.getByRole("button", { name: "Save programme" }).click();
    await staffPage.getByText("The programme was saved.").waitFor();
    await staffPage.getByText("Commissions become payable 14 days after the payment they come from.").waitFor();
    await hold.fill("400");
    await staffPage.getByRole("button", { name: "Save programme" }).click();
    await staffPage.getByText("Give a number of days from 0 to 365.").waitFor();
    expect(await hold.getAttribute("aria-invalid")).toBe("true");

    // On a phone, the commissions console fits the screen and stays accessible.
    await staffPage.setViewportSize(PHONE);
    await staffPage.goto(`${origin}/admin/affiliates/commissions`);
    await staffPage.getByTestId("commission").first().waitFor();
    expect(await staffPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousViolations(staffPage)).toEqual([]);

    // Staff remove Ada from the programme; her link still takes visitors to its page.
    await staffPage.goto(`${origin}/admin/affiliates`);
    await staffPage.getByRole("button", { name: "Remove Ada Affiliate" }).click();
    await staffPage
      .getByRole("dialog", { name: "Remove Ada Affiliate from the programme?" })
      .getByRole("button", { name: "Remove" })
      .click();
    await staffPage.getByText("Ada Affiliate was removed from the programme.").waitFor();
    await staffPage.getByTestId("affiliate-row").filter({ hasText: "Removed" }).waitFor();
    const later = await (await env.browser.newContext({ userAgent: VISITOR_AGENT })).newPage();
    const stillLands = later.waitForRequest((request) => new URL(request.url()).searchParams.get("ref") === code);
    await later.goto(`${origin}/r/${code}`);
    await stillLands;
  }, 180_000);
});
