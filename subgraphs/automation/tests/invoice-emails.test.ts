import "reflect-metadata";
import { billing } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { forkFor, sql, type RunningSubgraphProcess } from "@portal/kit";
import {
  createScratchDatabase,
  eventually,
  gql,
  logEntriesFor,
  newBusiness,
  staffOf,
  startAutomation,
  type TestBusiness,
} from "./helpers.js";
import { invoicePaid, invoiceSent, newContact, publishAt, publishBusiness, publishContact } from "./invoice-helpers.js";

const MAILBOX = `query Mailbox($to: String) {
  devMailbox(first: 20, to: $to) { totalCount edges { node { to from subject html text attachments { name contentType size } } } }
}`;

describe("invoice and receipt emails (dev mailbox)", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url);
  });
  afterAll(async () => {
    await automation?.stop();
    await database?.drop();
  });

  const mailbox = async (business: TestBusiness, to: string) => {
    const response = await gql(automation, staffOf(business), MAILBOX, { to });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data.devMailbox.edges.map((edge: { node: any }) => edge.node) as any[];
  };
  const firstMessage = (business: TestBusiness, to: string) =>
    eventually(async () => (await mailbox(business, to))[0], 20_000, `mail to ${to}`);

  async function knownContact(overrides: Parameters<typeof newContact>[0] = {}) {
    const business = newBusiness();
    const contact = newContact(overrides);
    await publishBusiness(automation, business);
    await publishContact(automation, business, contact);
    await eventually(
      async () =>
        (await sql(forkFor(automation.orm, null), `select 1 from automation.known_contact where contact_id = ?`, [contact.id])).length > 0,
    );
    return { business, contact };
  }

  it("emails a branded new-invoice notice with the amount due, due date and a button to the invoice", async () => {
    const { business, contact } = await knownContact();
    const invoice = invoiceSent(contact.id);
    await publishAt(automation, billing.invoiceSent, business, invoice);

    const message = await firstMessage(business, contact.email);
    expect(message).toMatchObject({
      from: `"Acme Studio" <portal@example.test>`,
      subject: "You have a new invoice from Acme Studio",
      attachments: [],
    });
    const link = `${business.portalUrl}/invoices/${invoice.invoiceId}`;
    expect(message.html).toContain(`href="${link}"`);
    expect(message.html).toContain("View and pay invoice");
    expect(message.html).toContain(business.primaryColor);
    expect(message.text).toContain("Hi Grace,");
    expect(message.text).toContain("invoice #42");
    expect(message.text).toContain("Amount due: $1,250.00");
    expect(message.text).toContain("Due date: March 31, 2026");
    expect(message.text).toContain(link);
    // The message is in the mailbox a moment before the log records the send.
    await expect
      .poll(async () => (await logEntriesFor(automation, business, contact.email))[0])
      .toMatchObject({ template: "NEW_INVOICE", status: "SENT" });
  });

  it("emails a receipt with the amount paid, date and method, attaching a PDF the event carries", async () => {
    const { business, contact } = await knownContact();
    const pdf = Buffer.from("%PDF-1.4 receipt #7");
    await publishAt(
      automation,
      billing.invoicePaid,
      business,
      invoicePaid(contact.id, { number: 7, receiptPdf: { name: "receipt-7.pdf", contentBase64: pdf.toString("base64") } }),
    );

    const message = await firstMessage(business, contact.email);
    expect(message.subject).toBe("Receipt for your payment to Acme Studio");
    expect(message.text).toContain("Amount paid: €99.50");
    expect(message.text).toContain("Date: March 14, 2026");
    expect(message.text).toContain("Payment method: Card");
    expect(message.attachments).toEqual([{ name: "receipt-7.pdf", contentType: "application/pdf", size: pdf.length }]);
  });

  it("formats amounts in the currency's own minor units", async () => {
    const { business, contact } = await knownContact();
    await publishAt(automation, billing.invoiceSent, business, invoiceSent(contact.id, { currency: "JPY", amountDue: 5000, total: 5000 }));
    expect((await firstMessage(business, contact.email)).text).toContain("Amount due: ¥5,000");
  });

  it("suppresses both emails for a contact with Do Not Disturb on, and logs it", async () => {
    const { business, contact } = await knownContact({ dnd: true });
    await publishAt(automation, billing.invoiceSent, business, invoiceSent(contact.id));
    await publishAt(automation, billing.invoicePaid, business, invoicePaid(contact.id));
    const entries = await eventually(async () => {
      const found = await logEntriesFor(automation, business, contact.email);
      return found.length === 2 && found;
    });
    expect(entries.map((entry) => [entry.template, entry.status]).sort()).toEqual([
      ["NEW_INVOICE", "SUPPRESSED"],
      ["RECEIPT", "SUPPRESSED"],
    ]);
    expect(entries[0].reason).toContain("Do Not Disturb");
    expect(await mailbox(business, contact.email)).toEqual([]);
  });

  it("retries an invoice that arrives before its contact, and delivers it once the contact is known", async () => {
    const business = newBusiness();
    const contact = newContact();
    await publishBusiness(automation, business);
    await publishAt(automation, billing.invoiceSent, business, invoiceSent(contact.id));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await logEntriesFor(automation, business)).toEqual([]);

    await publishContact(automation, business, contact);
    await firstMessage(business, contact.email);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await mailbox(business, contact.email)).toHaveLength(1);
    expect(await logEntriesFor(automation, business)).toHaveLength(1);
  });

  it("keeps the newest contact snapshot when snapshots arrive out of order", async () => {
    const business = newBusiness();
    const newer = newContact({ email: `newer-${Date.now()}@client.test` });
    const older = { ...newer, email: `older-${Date.now()}@client.test`, name: "Old Name" };
    await publishBusiness(automation, business);
    await publishContact(automation, business, newer, new Date());
    await eventually(
      async () =>
        (await sql(forkFor(automation.orm, null), `select 1 from automation.known_contact where contact_id = ?`, [newer.id])).length > 0,
    );
    await publishContact(automation, business, older, new Date(Date.now() - 60_000));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const [row] = await sql<{ email: string; name: string }>(
      forkFor(automation.orm, null),
      `select email, name from automation.known_contact where contact_id = ?`,
      [newer.id],
    );
    expect(row).toEqual({ email: newer.email, name: newer.name });
  });

  it("keeps businesses apart: each sees only its own invoice mail, and a contact id from another business gets nothing", async () => {
    const first = await knownContact();
    const second = await knownContact();
    await publishAt(automation, billing.invoiceSent, first.business, invoiceSent(first.contact.id, { number: 1 }));
    await publishAt(automation, billing.invoiceSent, second.business, invoiceSent(second.contact.id, { number: 2 }));
    // An event of the first business naming the second business's contact must not reach that contact.
    await publishAt(automation, billing.invoiceSent, first.business, invoiceSent(second.contact.id, { number: 3 }));
    await firstMessage(first.business, first.contact.email);
    await firstMessage(second.business, second.contact.email);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const secondMail = await mailbox(second.business, second.contact.email);
    expect(secondMail).toHaveLength(1);
    expect(secondMail[0].text).toContain("invoice #2");
    expect(await mailbox(first.business, second.contact.email)).toEqual([]);
    expect((await logEntriesFor(automation, first.business)).map((entry) => entry.recipient)).toEqual([first.contact.email]);
    expect((await logEntriesFor(automation, second.business)).map((entry) => entry.recipient)).toEqual([second.contact.email]);
  });
});
