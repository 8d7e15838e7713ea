import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { useBrowserPlatform } from "../support/browser.js";
import { clientSignInFromEmail } from "../support/browser-journeys.js";
import { createBusiness, createContact, createInvoice, type TestBusiness } from "../support/journeys.js";

const DOCUMENT_RESULT = `__typename ... on DocumentSuccess { document { id recipients { id } } } ... on UserError { message }`;

/** A sent invoice for the contact, inviting them to the portal. */
async function sendInvoiceWithInvitation(business: TestBusiness, contactId: string): Promise<void> {
  const invoice = await createInvoice(business.staff, {
    contactId,
    currency: "USD",
    lines: [{ description: "Coaching", quantity: 1, unitPrice: 4500 }],
    issueDate: "2026-11-01",
    dueDate: "2099-12-01",
  });
  const sent = await business.staff.data(
    `mutation ($id: ID!) { sendInvoice(id: $id, inviteToPortal: true) { __typename ... on UserError { message } } }`,
    { id: invoice.id },
  );
  expect(sent.sendInvoice.__typename).toBe("InvoiceSuccess");
}

/** A one-page contract sent to the contact for signature (retried until documents knows the contact). */
async function sendDocument(business: TestBusiness, contactId: string): Promise<void> {
  const staff = business.staff;
  const created = await staff.data(`mutation($input: DocumentInput!) { createDocument(input: $input) { ${DOCUMENT_RESULT} } }`, {
    input: { title: "Coaching agreement" },
  });
  const id = created.createDocument.document.id;
  const pdf = await PDFDocument.create();
  pdf.addPage();
  expect((await staff.uploadPdf(`/files/documents/documents/${id}/original.pdf`, await pdf.save(), "agreement.pdf")).status).toBe(200);
  let recipientId = "";
  await expect
    .poll(
      async () => {
        const data = await staff.data(
          `mutation($id: ID!, $r: [DocumentRecipientInput!]!) { setDocumentRecipients(documentId: $id, recipients: $r) { ${DOCUMENT_RESULT} } }`,
          {
            id,
            r: [{ contactId, role: "SIGNER", order: 1 }],
          },
        );
        recipientId = data.setDocumentRecipients.document?.recipients[0]?.id ?? "";
        return data.setDocumentRecipients.__typename;
      },
      { timeout: 15_000 },
    )
    .toBe("DocumentSuccess");
  const field = { recipientId, kind: "SIGNATURE", page: 1, x: 0.1, y: 0.6, width: 0.3, height: 0.06 };
  expect(
    (
      await staff.data(
        `mutation($id: ID!, $f: [DocumentFieldInput!]!) { setDocumentFields(documentId: $id, fields: $f) { ${DOCUMENT_RESULT} } }`,
        { id, f: [field] },
      )
    ).setDocumentFields.__typename,
  ).toBe("DocumentSuccess");
  expect(
    (await staff.data(`mutation($id: ID!) { sendDocument(id: $id, inviteToPortal: false) { ${DOCUMENT_RESULT} } }`, { id })).sendDocument
      .__typename,
  ).toBe("DocumentSuccess");
}

/**
 * One section's subgraph goes down: the dashboard keeps the healthy sections' cards and says, for the
 * broken one, that it is unavailable with a retry, instead of losing the whole contact.
 */
describe("a section's subgraph down, in the browser", () => {
  const env = useBrowserPlatform();

  it("with billing stopped, Alex's dashboard still shows the documents card and says invoices are unavailable, with a retry", async () => {
    const business = await createBusiness(env.platform, "Outage Studio");
    const origin = `http://${business.host}:${env.platform.gatewayPort}`;
    const email = `alex@${business.slug}.test`;
    const contactId = await createContact(business.staff, { name: "Alex Client", email });
    const since = Date.now() - 1000;
    await sendInvoiceWithInvitation(business, contactId);
    await sendDocument(business, contactId);

    // The invitation came with the invoice, so it opens that invoice; Alex then goes home.
    const page = await clientSignInFromEmail(env.browser, origin, business.staff, email, since, "/auth/confirm");
    await page.waitForURL(/\/invoices\//);
    await page.goto(`${origin}/`);
    await page.getByRole("heading", { name: /Welcome, Alex/ }).waitFor();
    await page.getByTestId("section-card-invoices").getByText("1 outstanding invoice").waitFor();
    await page.getByTestId("section-card-documents").getByText("1 document waiting for your signature").waitFor();

    await env.platform.stopSubgraph("billing");
    await page.reload();
    await page.getByRole("heading", { name: /Welcome, Alex/ }).waitFor();
    await page.getByTestId("section-card-documents").getByText("1 document waiting for your signature").waitFor();
    const unavailable = page.getByTestId("section-unavailable-invoices");
    await unavailable.getByText("Invoices are unavailable right now.").waitFor();
    expect(await page.getByTestId("section-card-invoices").count()).toBe(0);

    // "Try again" asks the server again (billing is still down, so the card stays).
    const [retried] = await Promise.all([
      page.waitForRequest((request) => request.url().endsWith("/graphql") && (request.postData() ?? "").includes("PortalDashboard")),
      unavailable.getByRole("button", { name: "Try again" }).click(),
    ]);
    expect(retried.method()).toBe("POST");
    await unavailable.getByText("Invoices are unavailable right now.").waitFor();
    await page.getByTestId("section-card-documents").waitFor();

    // The Invoices page says the same instead of "Nothing to pay"; Documents still lists the contract.
    await page.goto(`${origin}/invoices`);
    await page.getByTestId("section-unavailable-invoices").getByRole("button", { name: "Try again" }).waitFor();
    expect(await page.getByTestId("no-outstanding").count()).toBe(0);
    await page.goto(`${origin}/documents`);
    await page.getByRole("link", { name: /Coaching agreement/ }).waitFor();
  }, 120_000);
});
