import { readFile } from "node:fs/promises";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { useBrowserPlatform } from "../support/browser.js";
import { clientSignInFromEmail, staffSignIn } from "../support/browser-journeys.js";
import { createBusiness, createContact, createInvoice, type TestBusiness } from "../support/journeys.js";

async function draftInvoice(business: TestBusiness, contactId: string): Promise<string> {
  const invoice = await createInvoice(business.staff, {
    contactId,
    currency: "USD",
    lines: [{ description: "Workshop", quantity: 1, unitPrice: 4500 }],
    issueDate: "2026-11-01",
    dueDate: "2099-12-01",
  });
  return invoice.id;
}

/**
 * Staff send an invoice to a contact without portal access and keep "invite to the portal" on;
 * the contact signs in from the invitation, opens the invoice and pays it in test-payment mode.
 */
describe("sending an invoice with a portal invitation, in the browser", () => {
  const env = useBrowserPlatform();

  it("send with invite → client signs in → pays in test mode → paid without reloading", async () => {
    const business = await createBusiness(env.platform, "Invite Pay Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const email = `noor@${business.slug}.test`;
    const contactId = await createContact(business.staff, { name: "Noor Client", email });
    const invoiceId = await draftInvoice(business, contactId);

    const staffPage = await staffSignIn(env.browser, origin, business);
    await staffPage.goto(`${origin}/admin/invoices/${invoiceId}`);
    const invite = staffPage.getByLabel("Also invite Noor Client to the portal");
    await invite.waitFor();
    expect(await invite.isChecked()).toBe(true);
    const since = Date.now() - 1000;
    await staffPage.getByRole("button", { name: "Send invoice" }).click();
    await staffPage.getByText(/sent to Noor Client/).waitFor();

    // The invitation arrives because the box was checked; the client signs in with it and lands on the invoice.
    const clientPage = await clientSignInFromEmail(env.browser, origin, business.staff, email, since);
    await clientPage.waitForURL(`${origin}/invoices/${invoiceId}`);

    // A second tab on the Outstanding list watches the invoice leave it when the first tab pays.
    const listPage = await clientPage.context().newPage();
    await listPage.goto(`${origin}/invoices`);
    await listPage.getByRole("tabpanel").getByText("#1").first().waitFor();

    await clientPage.goto(`${origin}/invoices/${invoiceId}`);
    await clientPage.getByTestId("test-payment-label").waitFor();
    await clientPage.getByRole("button", { name: /^Pay \$45\.00$/ }).click();
    await clientPage.getByText(/Payment of \$45\.00 received \(test payment/).waitFor({ timeout: 10_000 });
    await expect.poll(() => clientPage.getByRole("button", { name: /^Pay / }).count()).toBe(0);
    await expect.poll(() => listPage.getByRole("tabpanel").getByText("#1").count(), { timeout: 10_000 }).toBe(0);
    await listPage.getByRole("tab", { name: "Paid" }).click();
    await listPage.getByRole("tabpanel").getByText("#1").first().waitFor();

    // The receipt downloads from the invoice page and names the invoice it acknowledges.
    const [download] = await Promise.all([
      clientPage.waitForEvent("download"),
      clientPage.getByRole("link", { name: "Download receipt" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("receipt-1.pdf");
    const bytes = await readFile((await download.path())!);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text.replace(/\s+/g, " ")).toMatch(/Receipt for invoice #1\b/);

    // A contact who has portal access now gets no invitation checkbox on their next invoice.
    const next = await draftInvoice(business, contactId);
    await staffPage.goto(`${origin}/admin/invoices/${next}`);
    await staffPage.getByRole("button", { name: "Send invoice" }).waitFor();
    await staffPage.waitForTimeout(1500);
    expect(await staffPage.getByLabel(/Also invite/).count()).toBe(0);
  }, 90_000);
});
