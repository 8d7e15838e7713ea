import "reflect-metadata";
import { billing } from "@portal/contracts";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { RunningSubgraphProcess } from "@portal/kit";
import { createScratchDatabase, eventually, gql, newBusiness, staffOf, startAutomation, type TestBusiness } from "./helpers.js";
import { invoiceSent, invoicePaid, newContact, publishAt, publishBusiness, publishContact } from "./invoice-helpers.js";

const TEMPLATE = `query One($key: NotificationTemplateKey!) { notificationTemplate(key: $key) { key subject body placeholders isCustom } }`;
const UPDATE = `mutation Update($input: NotificationTemplateInput!) {
  updateNotificationTemplate(input: $input) {
    __typename
    ... on NotificationTemplateSuccess { template { key subject isCustom } }
    ... on ValidationError { field message }
  }
}`;
const PREVIEW = `query Preview($input: NotificationTemplateInput!) { previewNotificationTemplate(input: $input) { subject html text } }`;
const MAILBOX = `query Mailbox($to: String) { devMailbox(first: 5, to: $to) { edges { node { subject text } } } }`;

describe("NEW_INVOICE and RECEIPT templates", () => {
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

  const call = async (business: TestBusiness, query: string, variables: Record<string, unknown>) => {
    const response = await gql(automation, staffOf(business), query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };

  it("offers each email its own placeholders, and rejects ones it has no value for", async () => {
    const business = newBusiness();
    const newInvoice = (await call(business, TEMPLATE, { key: "NEW_INVOICE" })).notificationTemplate;
    expect(newInvoice).toMatchObject({ subject: "You have a new invoice from {{business.name}}", isCustom: false });
    expect(newInvoice.placeholders).toEqual(
      expect.arrayContaining(["{{invoice.number}}", "{{invoice.amountDue}}", "{{invoice.dueDate}}", "{{link}}"]),
    );
    expect(newInvoice.placeholders).not.toContain("{{payment.amount}}");
    const receipt = (await call(business, TEMPLATE, { key: "RECEIPT" })).notificationTemplate;
    expect(receipt.placeholders).toEqual(
      expect.arrayContaining(["{{invoice.number}}", "{{payment.amount}}", "{{payment.date}}", "{{payment.method}}", "{{link}}"]),
    );

    const wrong = await call(business, UPDATE, { input: { key: "NEW_INVOICE", subject: "Paid {{payment.amount}}", body: "{{link}}" } });
    expect(wrong.updateNotificationTemplate).toMatchObject({
      __typename: "ValidationError",
      field: "subject",
      message: expect.stringContaining("Unknown placeholder {{payment.amount}}"),
    });
    const noLink = await call(business, UPDATE, { input: { key: "RECEIPT", subject: "Thanks", body: "Paid {{payment.amount}}" } });
    expect(noLink.updateNotificationTemplate).toMatchObject({ __typename: "ValidationError", field: "body" });
    const invitation = await call(business, UPDATE, {
      input: { key: "INVITATION", subject: "Invoice {{invoice.number}}", body: "{{link}}" },
    });
    expect(invitation.updateNotificationTemplate).toMatchObject({ __typename: "ValidationError", field: "subject" });
  });

  it("previews with a sample invoice and payment in the business's branding", async () => {
    const business = newBusiness();
    await publishBusiness(automation, business);
    const input = {
      key: "RECEIPT",
      subject: "Receipt #{{invoice.number}} from {{business.name}}",
      body: "Paid {{payment.amount}} by {{payment.method}} on {{payment.date}}.\n\n{{link}}",
    };
    const preview = await eventually(async () => {
      const found = (await call(business, PREVIEW, { input })).previewNotificationTemplate;
      return found.subject.includes("Acme Studio") && found;
    });
    expect(preview.subject).toBe("Receipt #1042 from Acme Studio");
    expect(preview.text).toContain("Paid $1,250.00 by Card on March 14, 2026.");
    expect(preview.html).toContain(business.primaryColor);
    expect(preview.html).toContain("View invoice");
    const invoicePreview = (
      await call(business, PREVIEW, {
        input: {
          key: "NEW_INVOICE",
          subject: "Invoice {{invoice.number}}",
          body: "Due {{invoice.dueDate}}: {{invoice.amountDue}}\n\n{{link}}",
        },
      })
    ).previewNotificationTemplate;
    expect(invoicePreview.text).toContain("Due March 31, 2026: $1,250.00");
  });

  it("sends invoice and receipt emails in the business's saved wording", async () => {
    const business = newBusiness();
    const contact = newContact();
    await publishBusiness(automation, business);
    await publishContact(automation, business, contact);
    await call(business, UPDATE, {
      input: {
        key: "NEW_INVOICE",
        subject: "Invoice {{invoice.number}} for {{contact.firstName}}",
        body: "Please pay {{invoice.amountDue}} by {{invoice.dueDate}}.\n\n{{link}}",
      },
    });
    await call(business, UPDATE, { input: { key: "RECEIPT", subject: "Got it: {{payment.amount}}", body: "Thanks!\n\n{{link}}" } });
    await publishAt(
      automation,
      billing.invoiceSent,
      business,
      invoiceSent(contact.id, { number: 9, amountDue: 4200, currency: "GBP", dueDate: "2026-05-01" }),
    );
    await publishAt(automation, billing.invoicePaid, business, invoicePaid(contact.id, { amountPaid: 4200, currency: "GBP" }));

    const messages = await eventually(
      async () => {
        const edges = (await call(business, MAILBOX, { to: contact.email })).devMailbox.edges;
        return edges.length === 2 && edges.map((edge: { node: any }) => edge.node);
      },
      20_000,
      "both emails",
    );
    const subjects = messages.map((message: any) => message.subject).sort();
    expect(subjects).toEqual(["Got it: £42.00", "Invoice 9 for Grace"]);
    expect(messages.find((message: any) => message.subject.startsWith("Invoice")).text).toContain("Please pay £42.00 by May 1, 2026.");
  });
});
