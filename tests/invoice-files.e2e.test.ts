import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { PortalClient } from "./support/http-client.js";
import { createBusiness, createInvoice, signedInContact } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";

async function paidInvoice(staff: PortalClient, client: PortalClient, contactId: string): Promise<{ id: string; number: number }> {
  const invoice = await createInvoice(
    staff,
    {
      contactId,
      currency: "USD",
      lines: [{ description: "Quarterly retainer", quantity: 1, unitPrice: 25000 }],
      issueDate: "2026-11-01",
      dueDate: "2099-12-01",
    },
    "id number",
  );
  await staff.data(`mutation ($id: ID!) { sendInvoice(id: $id) { __typename } }`, { id: invoice.id });
  const paid = await client.data(`mutation ($id: ID!) { payInvoiceWithTestPayment(invoiceId: $id) { __typename } }`, { id: invoice.id });
  expect(paid.payInvoiceWithTestPayment.__typename).toBe("InvoiceSuccess");
  return invoice;
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("invoice and receipt PDFs through the gateway", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("a client downloads the receipt of their paid invoice; another client of the business gets 404", async () => {
    const business = await createBusiness(platform, "Receipt Atelier");
    const owner = await signedInContact(platform, business, "Sol");
    const other = await signedInContact(platform, business, "Tam");
    const invoice = await paidInvoice(business.staff, owner.client, owner.id);
    const path = `/files/billing/invoices/${invoice.id}/receipt.pdf`;

    // The business's branding reaches billing by event; wait for it rather than racing it.
    let receipt = await owner.client.download(path);
    let text = receipt.status === 200 ? await pdfText(receipt.bytes) : "";
    for (let tries = 0; tries < 50 && !text.includes("Receipt Atelier"); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      receipt = await owner.client.download(path);
      text = receipt.status === 200 ? await pdfText(receipt.bytes) : "";
    }
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get("content-type")).toBe("application/pdf");
    expect(receipt.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${invoice.number}.pdf"`);
    expect(receipt.headers.get("cache-control")).toBe("private, no-store");
    expect(text).toContain(String(invoice.number));
    expect(text).toContain("Receipt Atelier");

    expect((await business.staff.download(`/files/billing/invoices/${invoice.id}.pdf`)).status).toBe(200);
    expect((await other.client.download(path)).status).toBe(404);
    expect((await other.client.download(`/files/billing/invoices/${invoice.id}.pdf`)).status).toBe(404);
    expect((await platform.client(business.host).download(path)).status).toBe(401);
  });
});
