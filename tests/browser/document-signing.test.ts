import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { PDFDocument, StandardFonts } from "pdf-lib";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { useBrowserPlatform } from "../support/browser.js";
import { clientSignInFromEmail, staffSignIn } from "../support/browser-journeys.js";
import { createBusiness, createContact, type TestBusiness } from "../support/journeys.js";

const RESULT = `__typename ... on DocumentSuccess { document { id status recipients { id } } } ... on UserError { message }`;

async function contractPdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([595.28, 841.89]).drawText("Studio rental agreement", { x: 50, y: 780, size: 16, font });
  return pdf.save();
}

/** Staff prepare a draft through the API: the PDF, two signers in sequence, a signature box each. */
async function draftForTwo(business: TestBusiness, first: string, second: string): Promise<string> {
  const staff = business.staff;
  const created = await staff.data(`mutation($input: DocumentInput!) { createDocument(input: $input) { ${RESULT} } }`, {
    input: { title: "Studio rental agreement", signingOrder: "SEQUENTIAL" },
  });
  const id = created.createDocument.document.id;
  expect((await staff.uploadPdf(`/files/documents/documents/${id}/original.pdf`, await contractPdf(), "rental.pdf")).status).toBe(200);
  // Contacts reach documents through identity's events: retry until both are known there.
  let recipients: { id: string }[] = [];
  await expect
    .poll(
      async () => {
        const data = await staff.data(
          `mutation($id: ID!, $r: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $r) { ${RESULT} } }`,
          {
            id,
            r: [
              { contactId: first, role: "SIGNER", order: 1 },
              { contactId: second, role: "SIGNER", order: 2 },
            ],
          },
        );
        recipients = data.setDocumentRecipients.document?.recipients ?? [];
        return data.setDocumentRecipients.__typename;
      },
      { timeout: 15_000 },
    )
    .toBe("DocumentSuccess");
  const fields = recipients.map((r, index) => ({
    recipientId: r.id,
    kind: "SIGNATURE",
    page: 1,
    x: 0.1,
    y: 0.5 + index * 0.2,
    width: 0.35,
    height: 0.07,
    label: null,
    required: true,
  }));
  const placed = await staff.data(
    `mutation($id: ID!, $f: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $f) { ${RESULT} } }`,
    { id, f: fields },
  );
  expect(placed.setDocumentFields.__typename).toBe("DocumentSuccess");
  return id;
}

async function openAndSign(page: Page, origin: string, id: string, sign: (page: Page) => Promise<void>) {
  await page.goto(`${origin}/documents`);
  await page.getByRole("tab", { name: "Pending signature" }).click();
  await page.getByRole("link", { name: "Studio rental agreement" }).click();
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await page.getByLabel("I agree to sign electronically").check();
  await sign(page);
  await page.getByRole("button", { name: "Sign document" }).click();
  await page.getByTestId("signing-outcome").waitFor();
  expect(page.url()).toContain(`/documents/${id}`);
}

/** poppler's report on the PDF's digital signatures. */
async function pdfsig(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "pdfsig-"));
  try {
    await writeFile(join(dir, "signed.pdf"), bytes);
    return (await promisify(execFile)("/usr/bin/pdfsig", [join(dir, "signed.pdf")])).stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function downloadSigned(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download signed PDF" }).click()]);
  return readFile((await download.path())!);
}

describe("signing a contract in turn, in the browser", () => {
  const env = useBrowserPlatform();

  it("staff send → Ada signs (typed) → Grace signs (drawn) while the console moves sent → partially signed → signed; both download the sealed PDF", async () => {
    const business = await createBusiness(env.platform, "Rental Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const ada = {
      email: `ada@${business.slug}.test`,
      id: await createContact(business.staff, { name: "Ada Lovelace", email: `ada@${business.slug}.test` }),
    };
    const grace = {
      email: `grace@${business.slug}.test`,
      id: await createContact(business.staff, { name: "Grace Hopper", email: `grace@${business.slug}.test` }),
    };
    const documentId = await draftForTwo(business, ada.id, grace.id);

    // The owner opens the draft in the console and sends it, inviting both contacts to the portal.
    const consolePage = await staffSignIn(env.browser, origin, business);
    await consolePage.goto(`${origin}/admin/documents/${documentId}`);
    expect(await consolePage.getByLabel("Invite recipients without portal access to the portal").isChecked()).toBe(true);
    const sentAt = Date.now() - 1000;
    await consolePage.getByRole("button", { name: "Send document" }).click();
    const status = consolePage.getByTestId("document-status").first();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe("Sent");

    // Both were invited; each signs in from their invitation, which opens the document.
    const adaPage = await clientSignInFromEmail(env.browser, origin, business.staff, ada.email, sentAt, "/auth/confirm");
    const gracePage = await clientSignInFromEmail(env.browser, origin, business.staff, grace.email, sentAt, "/auth/confirm");
    await adaPage.waitForURL(`${origin}/documents/${documentId}`);
    await gracePage.waitForURL(`${origin}/documents/${documentId}`);

    // Grace is second: she sees who goes first and cannot sign yet.
    await gracePage
      .getByTestId("waiting-message")
      .getByText(/Ada Lovelace/)
      .waitFor();
    expect(await gracePage.getByRole("button", { name: "Sign", exact: true }).count()).toBe(0);

    await openAndSign(adaPage, origin, documentId, async (page) => {
      await page.getByLabel("Type your full name").fill("Ada Lovelace");
    });
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe("Partially signed");
    await adaPage.goto(`${origin}/documents`);
    await adaPage.getByRole("tab", { name: "Partially signed" }).click();
    await adaPage.getByRole("link", { name: "Studio rental agreement" }).waitFor();

    // Grace's open page offers signing without a reload once Ada has signed.
    await gracePage.getByRole("button", { name: "Sign", exact: true }).waitFor({ timeout: 10_000 });
    await openAndSign(gracePage, origin, documentId, async (page) => {
      await page.getByRole("radio", { name: "Draw" }).check();
      const pad = page.getByTestId("signature-canvas");
      await pad.scrollIntoViewIfNeeded(); // the mouse draws at viewport coordinates
      const box = (await pad.boundingBox())!;
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.down();
      for (let step = 1; step <= 12; step++) await page.mouse.move(box.x + 20 + step * 15, box.y + box.height / 2 + (step % 2 ? 18 : -18));
      await page.mouse.up();
      await page.getByText("Signature drawn.").waitFor();
    });
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe("Signed");
    await consolePage.getByTestId("signed-pdf-link").waitFor();

    // Both clients find it under Signed and download the sealed copy, which verifies.
    for (const page of [adaPage, gracePage]) {
      await page.goto(`${origin}/documents`);
      await page.getByRole("tab", { name: "Signed", exact: true }).click();
      await page.getByRole("link", { name: "Studio rental agreement" }).click();
      const bytes = await downloadSigned(page);
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
      expect(text).toContain("Ada Lovelace");
      expect(text).toContain("Grace Hopper");
      expect(await pdfsig(bytes)).toContain("Signature Validation: Signature is Valid.");
    }
  }, 120_000);
});
