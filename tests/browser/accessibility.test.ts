import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Browser, Locator, Page, WebSocketRoute } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../support/browser.js";
import { clientSignInFromEmail, staffSignIn } from "../support/browser-journeys.js";
import { createBusiness, createContact, invite, type TestBusiness } from "../support/journeys.js";
import { startPlatform, type Platform } from "../support/platform.js";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/** Where the phone-width screenshots go, for a person to look at. */
const SCREENSHOTS = "test-results/screenshots";

const PHONE = { width: 390, height: 844 };
const RESULT = `__typename ... on DocumentSuccess { document { id status recipients { id } } } ... on UserError { message }`;

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe's serious and critical findings on the page as it is now, with the experimental
 * label-content-name-mismatch rule on (visible text of a control must be part of its name).
 */
async function seriousViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { rules: { "label-content-name-mismatch": { enabled: true } } });
    return violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => `${node.target.join(" ")}: ${node.failureSummary}`),
      }));
  });
}

async function contractPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText("Studio rental agreement", { x: 50, y: 780, size: 16, font });
  return pdf.save();
}

/** A draft through the API: the PDF, one signer with a signature box and a text box. */
async function draftFor(business: TestBusiness, contactId: string): Promise<string> {
  const staff = business.staff;
  const created = await staff.data(`mutation($input: DocumentInput!) { createDocument(input: $input) { ${RESULT} } }`, {
    input: { title: "Studio rental agreement", signingOrder: "SEQUENTIAL", message: "Please read and sign before Friday." },
  });
  const id = created.createDocument.document.id;
  expect((await staff.uploadPdf(`/files/documents/documents/${id}/original.pdf`, await contractPdf(), "rental.pdf")).status).toBe(200);
  let recipients: { id: string }[] = [];
  // Contacts reach documents through identity's events: retry until the contact is known there.
  await expect
    .poll(
      async () => {
        const data = await staff.data(
          `mutation($id: ID!, $r: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $r) { ${RESULT} } }`,
          {
            id,
            r: [{ contactId, role: "SIGNER", order: 1 }],
          },
        );
        recipients = data.setDocumentRecipients.document?.recipients ?? [];
        return data.setDocumentRecipients.__typename;
      },
      { timeout: 15_000 },
    )
    .toBe("DocumentSuccess");
  const recipientId = recipients[0]!.id;
  const fields = [
    { recipientId, kind: "SIGNATURE", page: 1, x: 0.1, y: 0.6, width: 0.35, height: 0.07, label: null, required: true },
    { recipientId, kind: "TEXT", page: 1, x: 0.1, y: 0.75, width: 0.35, height: 0.05, label: "Company", required: false },
  ];
  const placed = await staff.data(
    `mutation($id: ID!, $f: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $f) { ${RESULT} } }`,
    { id, f: fields },
  );
  expect(placed.setDocumentFields.__typename).toBe("DocumentSuccess");
  return id;
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found).not.toBeNull();
  return found!;
}

/** Waits until the first PDF page is drawn (pages draw once scrolled near), then returns to the top. */
async function pdfDrawn(page: Page) {
  const first = page.locator(".pdf-page").first();
  await first.scrollIntoViewIfNeeded();
  await first.locator("canvas").waitFor({ state: "attached" });
  await first.locator(".textLayer").waitFor({ state: "attached" });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Runs in the page: whether an input's placeholder fits inside its content box. */
function placeholderFits(input: HTMLInputElement): boolean {
  const style = getComputedStyle(input);
  const context = document.createElement("canvas").getContext("2d")!;
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const available = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return context.measureText(input.placeholder).width <= available;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe("the signing page and the document editor, for keyboard, screen reader and phone users", () => {
  let platform: Platform;
  let browser: Browser;
  let business: TestBusiness;
  let origin: string;
  let consolePage: Page;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string, { webDistDir: "web/dist" });
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
    business = await createBusiness(platform, "Rental Studio");
    origin = `http://${business.host}:${platform.gatewayPort}`;
    consolePage = await staffSignIn(browser, origin, business);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it("axe finds nothing serious on the draft editor or the signing page; the email log names emails; on a phone the page reads top to bottom and Sign moves focus into the panel", async () => {
    const email = `ada@${business.slug}.test`;
    const contactId = await createContact(business.staff, { name: "Ada Lovelace", email });
    const documentId = await draftFor(business, contactId);

    // Staff: the draft editor.
    await consolePage.goto(`${origin}/admin/documents/${documentId}`);
    await consolePage.getByRole("button", { name: "Send document" }).waitFor();
    await pdfDrawn(consolePage);
    expect(await seriousViolations(consolePage)).toEqual([]);

    const sentAt = Date.now() - 1000;
    await consolePage.getByRole("button", { name: "Send document" }).click();
    await expect.poll(() => consolePage.getByTestId("document-status").first().textContent(), { timeout: 10_000 }).toBe("Sent");

    // The email log names each kind of email (the invitation, the signature request); no template key shows.
    await expect
      .poll(
        async () => {
          await consolePage.goto(`${origin}/admin/email-log`);
          await consolePage.getByRole("heading", { name: "Email log" }).waitFor();
          const text = (await consolePage.locator("main").textContent()) ?? "";
          return ["Portal invitation", "Signature request"].filter((name) => text.includes(name));
        },
        { timeout: 15_000 },
      )
      .toEqual(["Portal invitation", "Signature request"]);
    const log = await consolePage.getByRole("table").textContent();
    expect(log).not.toMatch(/\b[A-Z]+(?:_[A-Z]+)+\b/);

    // Client: opens the document directly at phone width.
    const adaPage = await clientSignInFromEmail(browser, origin, business.staff, email, sentAt, "/auth/confirm");
    // Signed in (wherever the invitation lands), then the document is opened by its address, a fresh load.
    await adaPage.waitForURL((url) => !url.pathname.startsWith("/auth/"));
    await adaPage.getByRole("button", { name: "Sign out" }).waitFor();
    await adaPage.setViewportSize(PHONE);
    const warnings: string[] = [];
    adaPage.on("console", (message) => warnings.push(message.text()));
    await adaPage.goto(`${origin}/documents/${documentId}`);
    await adaPage.getByRole("button", { name: "Sign", exact: true }).waitFor();
    await pdfDrawn(adaPage);
    await adaPage.screenshot({ path: `${SCREENSHOTS}/portal-document-390.png`, fullPage: true });
    expect(warnings.filter((text) => text.includes("HydrateFallback"))).toEqual([]);

    const badge = await box(adaPage.getByTestId("document-status"));
    const sentBy = await box(adaPage.getByText(/^Sent by/));
    expect(overlaps(badge, sentBy)).toBe(false);
    const viewer = await box(adaPage.locator(".document-viewer"));
    const action = await box(adaPage.getByTestId("document-action"));
    expect(viewer.y + viewer.height).toBeLessThanOrEqual(action.y);
    expect(
      await adaPage.evaluate(() => {
        const viewerElement = document.querySelector(".document-viewer")!;
        const actionElement = document.querySelector("[data-testid=document-action]")!;
        return Boolean(viewerElement.compareDocumentPosition(actionElement) & Node.DOCUMENT_POSITION_FOLLOWING);
      }),
    ).toBe(true);
    expect(await seriousViolations(adaPage)).toEqual([]);

    // Pressing Sign moves focus into the signing panel.
    await adaPage.getByRole("button", { name: "Sign", exact: true }).click();
    await adaPage.getByTestId("signing-panel").waitFor();
    await expect.poll(() => adaPage.evaluate(() => Boolean(document.activeElement?.closest("[data-testid=signing-panel]")))).toBe(true);
    await adaPage.getByLabel("I agree to sign electronically").check();
    expect(await seriousViolations(adaPage)).toEqual([]);
    await adaPage.screenshot({ path: `${SCREENSHOTS}/portal-signing-390.png`, fullPage: true });
  }, 120_000);

  it("on a phone the admin menu opens to every section by its full name", async () => {
    const page = await (
      await consolePage
        .context()
        .browser()!
        .newContext({ viewport: PHONE, storageState: await consolePage.context().storageState() })
    ).newPage();
    await page.goto(`${origin}/admin/contacts`);
    const menu = page.getByRole("button", { name: /^Menu/ });
    await menu.waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("navigation", { name: "Admin" }).getByRole("link").first().isVisible()).toBe(false);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-layout-390.png` });

    await menu.click();
    const links = page.getByRole("navigation", { name: "Admin" }).getByRole("link");
    expect(await links.allTextContents()).toEqual([
      "Contacts",
      "Invoices",
      "Documents",
      "Courses",
      "Communities",
      "Appointments",
      "Affiliates",
      "Order forms",
      "Workflows",
      "Portal settings",
      "Email templates",
      "Email log",
      "API keys",
      "Webhooks",
      "Team",
    ]);
    for (const link of await links.all()) {
      expect(await link.isVisible()).toBe(true);
      const { x, width } = await box(link);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x + width).toBeLessThanOrEqual(PHONE.width);
      // The whole label fits: nothing is cut off or ellipsised.
      expect(await link.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/admin-menu-open-390.png` });
    await links.filter({ hasText: "Email log" }).click();
    await page.getByRole("heading", { name: "Email log" }).waitFor();
    expect(await menu.getAttribute("aria-expanded")).toBe("false");

    // On a wide screen the side menu simply lists them; there is no menu button.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await menu.isVisible()).toBe(false);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    await page.context().close();
  });

  it("staff see a removed contact's state when choosing recipients; forms fit their text", async () => {
    const email = `grace@${business.slug}.test`;
    const graceId = await createContact(business.staff, { name: "Grace Hopper", email });
    await invite(business.staff, graceId);
    const revoked = await business.staff.data(`mutation($id: ID!) { revokeAccess(contactId: $id) { __typename } }`, { id: graceId });
    expect(revoked.revokeAccess.__typename).toBe("RevokeAccessSuccess");

    // The recipient picker says her access was removed, before and after she is added.
    const created = await business.staff.data(`mutation($input: DocumentInput!) { createDocument(input: $input) { ${RESULT} } }`, {
      input: { title: "Equipment loan" },
    });
    await consolePage.setViewportSize({ width: 1280, height: 900 });
    await consolePage.goto(`${origin}/admin/documents/${created.createDocument.document.id}`);
    await consolePage.getByLabel("Add a contact").fill("Grace");
    const option = consolePage.getByRole("list", { name: "Matching contacts" }).getByRole("listitem").filter({ hasText: "Grace Hopper" });
    await expect
      .poll(() => option.textContent(), { timeout: 15_000 })
      .toContain("Access removed — they will not be able to sign until access is granted again.");
    await option.getByRole("button", { name: "Add Grace Hopper" }).click();
    await consolePage
      .getByTestId("recipient-row")
      .filter({ hasText: "Grace Hopper" })
      .getByText(/Access removed/)
      .waitFor();
    // Documents learns of a new contact through identity's events: save again until it knows her.
    await expect
      .poll(
        async () => {
          await consolePage.getByRole("button", { name: "Save recipients" }).click();
          return consolePage
            .getByText("Recipients saved.")
            .waitFor({ timeout: 1000 })
            .then(
              () => true,
              () => false,
            );
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    await consolePage.reload();
    await consolePage
      .getByTestId("recipient-row")
      .filter({ hasText: "Grace Hopper" })
      .getByText(/Access removed/)
      .waitFor();

    // The welcome message is written in the page's own font, not a code font.
    await consolePage.goto(`${origin}/admin/settings`);
    const welcome = consolePage.getByLabel("Welcome message");
    await welcome.waitFor();
    const fonts = await welcome.evaluate((element) => [getComputedStyle(element).fontFamily, getComputedStyle(document.body).fontFamily]);
    expect(fonts[0]).toBe(fonts[1]);

    // The contact search shows its whole placeholder at every width, on the new invoice and in the list's filters.
    const pages = [
      ...[1280, 1100, 900, 700, 500, PHONE.width].map((width) => ({ width, path: "/admin/invoices/new" })),
      ...[1100, PHONE.width].map((width) => ({ width, path: "/admin/invoices" })),
    ];
    for (const { width, path } of pages) {
      await consolePage.setViewportSize({ width, height: 900 });
      await consolePage.goto(`${origin}${path}`);
      const search = consolePage.getByRole("searchbox", { name: "Search contacts for contact" });
      await search.waitFor();
      expect({ width, path, fits: await search.evaluate(placeholderFits) }).toEqual({ width, path, fits: true });
    }
    await consolePage.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it("an open page says when live updates pause because the server went away, and stops saying it once they are back", async () => {
    const page = await (await browser.newContext({ storageState: await consolePage.context().storageState() })).newPage();
    // Every socket to the gateway passes through here, so the test can drop them and refuse new ones.
    let serverDown = false;
    const open = new Set<{ page: WebSocketRoute; server: WebSocketRoute }>();
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (serverDown) return void socket.close({ code: 1013, reason: "Try again later" });
      open.add({ page: socket, server: socket.connectToServer() });
    });
    await page.goto(`${origin}/admin/documents`);
    await page.getByRole("heading", { name: "Documents" }).waitFor();
    const status = page.getByTestId("live-status");
    await expect.poll(() => open.size, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await status.textContent()).toBe("");
    expect(await status.getAttribute("role")).toBe("status");

    serverDown = true;
    for (const socket of open) {
      await socket.server.close();
      await socket.page.close({ code: 1001, reason: "Going away" });
    }
    open.clear();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe(" Live updates paused — reconnecting…");
    await page.screenshot({ path: `${SCREENSHOTS}/live-updates-paused.png` });

    serverDown = false;
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe("");
    expect(open.size).toBeGreaterThan(0);
    await page.context().close();
  }, 60_000);
});
