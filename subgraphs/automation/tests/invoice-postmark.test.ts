import "reflect-metadata";
import { billing } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RunningSubgraphProcess } from "@portal/kit";
import {
  createScratchDatabase,
  eventually,
  logEntriesFor,
  newBusiness,
  startAutomation,
  startFakePostmark,
  type FakePostmark,
} from "./helpers.js";
import { invoicePaid, invoiceSent, newContact, publishAt, publishBusiness, publishContact } from "./invoice-helpers.js";

describe("invoice emails through Postmark (real SDK, local Postmark API)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let postmark: FakePostmark;
  let automation: RunningSubgraphProcess;
  const pdf = Buffer.from("%PDF-1.4 a receipt");
  const asked: { invoiceId: string; number: number }[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    postmark = await startFakePostmark();
    automation = await startAutomation(database.url, {
      mail: { postmarkServerToken: postmark.token, postmarkApiUrl: postmark.url, fromAddress: "Client Portal <portal@example.test>" },
      receiptPdf: async ({ invoiceId, number }) => {
        asked.push({ invoiceId, number });
        return { name: `receipt-${number}.pdf`, contentType: "application/pdf", contentBase64: pdf.toString("base64") };
      },
    });
  });
  afterAll(async () => {
    await automation?.stop();
    await postmark?.close();
    await database?.drop();
  });

  const requestTo = (email: string, count = 1) =>
    eventually(
      async () => {
        const found = postmark.requests.filter((request) => request.body.To === email);
        return found.length >= count && found;
      },
      20_000,
      `Postmark request to ${email}`,
    );

  it("attaches the receipt PDF from the provider as a Postmark attachment", async () => {
    const business = newBusiness();
    const contact = newContact();
    await publishBusiness(automation, business);
    await publishContact(automation, business, contact);
    const paid = invoicePaid(contact.id, { number: 31 });
    await publishAt(automation, billing.invoicePaid, business, paid);

    const [request] = await requestTo(contact.email);
    expect(request!.body).toMatchObject({ Subject: "Receipt for your payment to Acme Studio", Tag: "RECEIPT" });
    expect(request!.body.Attachments).toEqual([
      { Name: "receipt-31.pdf", Content: pdf.toString("base64"), ContentType: "application/pdf", ContentID: null },
    ]);
    expect(asked).toContainEqual({ invoiceId: paid.invoiceId, number: 31 });
  });

  it("sends the new-invoice email without attachments and logs it as sent", async () => {
    const business = newBusiness();
    const contact = newContact();
    await publishBusiness(automation, business);
    await publishContact(automation, business, contact);
    await publishAt(automation, billing.invoiceSent, business, invoiceSent(contact.id));

    const [request] = await requestTo(contact.email);
    expect(request!.body).toMatchObject({
      Subject: "You have a new invoice from Acme Studio",
      Tag: "NEW_INVOICE",
      From: `"Acme Studio" <portal@example.test>`,
    });
    expect(request!.body.Attachments).toBeUndefined();
    const entry = await eventually(async () =>
      (await logEntriesFor(automation, business, contact.email)).find((row) => row.status === "SENT"),
    );
    expect(entry).toMatchObject({ template: "NEW_INVOICE", attempts: 1 });
  });

  it("retries a receipt Postmark couldn't take for a moment, then delivers it once", async () => {
    const business = newBusiness();
    const contact = newContact();
    postmark.script(contact.email, [{ status: 503, ErrorCode: 0, Message: "Service unavailable" }]);
    await publishBusiness(automation, business);
    await publishContact(automation, business, contact);
    await publishAt(automation, billing.invoicePaid, business, invoicePaid(contact.id));
    const entry = await eventually(
      async () => (await logEntriesFor(automation, business, contact.email)).find((row) => row.status === "SENT"),
      25_000,
      "retry",
    );
    expect(entry).toMatchObject({ template: "RECEIPT", attempts: 2 });
    expect((await requestTo(contact.email, 2)).length).toBe(2);
  });
});
