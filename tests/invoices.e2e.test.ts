import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBusiness, createInvoice, signedInContact } from "./support/journeys.js";
import { startPlatform, type Platform } from "./support/platform.js";
import type { PortalClient } from "./support/http-client.js";

const INVOICE_FIELDS = `id number status total amountDue currency`;

async function sentInvoice(staff: PortalClient, contactId: string, unitPrice: number): Promise<string> {
  const { id } = await createInvoice(staff, {
    contactId,
    currency: "USD",
    lines: [{ description: "Coaching session", quantity: 2, unitPrice }],
    taxRateBps: 1000,
    issueDate: "2026-11-01",
    dueDate: "2099-12-01",
  });
  const sent = await staff.data(`mutation ($id: ID!) { sendInvoice(id: $id) { __typename ... on UserError { message } } }`, { id });
  expect(sent.sendInvoice.__typename).toBe("InvoiceSuccess");
  return id;
}

interface Mail {
  subject: string;
  attachments: { name: string; contentType: string; size: number }[];
}

async function waitForMail(reader: PortalClient, to: string, match: (mail: Mail) => boolean): Promise<Mail> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const data = await reader.data(
      `query ($to: String) { devMailbox(first: 10, to: $to) { edges { node { subject attachments { name contentType size } } } } }`,
      { to },
    );
    const found = data.devMailbox.edges.map((e: { node: Mail }) => e.node).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const seen = await reader.data(
    `query ($to: String) { devMailbox(first: 10, to: $to) { edges { node { subject attachments { name } } } } emailLog(first: 10) { edges { node { template status reason attempts } } } }`,
    { to },
  );
  throw new Error(`no matching email reached ${to}: ${JSON.stringify(seen)}`);
}

describe("invoices through the gateway", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform(inject("databaseUrl" as never) as string);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("a client sees what they owe on the dashboard, pays in test mode and finds it in their paid history", async () => {
    const business = await createBusiness(platform, "Invoice Studio");
    const { id: contactId, client } = await signedInContact(platform, business, "Pia");
    const invoiceId = await sentInvoice(business.staff, contactId, 5000);

    const dashboard = await client.data(
      `{ viewer { contact { invoiceSummary { outstandingCount totalDue currency nextDueDate } outstandingInvoices(first: 10) { edges { node { ${INVOICE_FIELDS} } } } } } }`,
    );
    const contact = dashboard.viewer.contact;
    expect(contact.invoiceSummary).toEqual({ outstandingCount: 1, totalDue: 11000, currency: "USD", nextDueDate: "2099-12-01" });
    expect(
      contact.outstandingInvoices.edges.map((e: { node: { id: string; amountDue: number } }) => [e.node.id, e.node.amountDue]),
    ).toEqual([[invoiceId, 11000]]);

    const paid = await client.data(
      `mutation ($id: ID!) { payInvoiceWithTestPayment(invoiceId: $id) { __typename ... on InvoiceSuccess { invoice { status amountDue } } ... on UserError { message } } }`,
      { id: invoiceId },
    );
    expect(paid.payInvoiceWithTestPayment).toEqual({ __typename: "InvoiceSuccess", invoice: { status: "PAID", amountDue: 0 } });

    const after = await client.data(
      `{ viewer { contact { invoiceSummary { outstandingCount totalDue } paidInvoices(first: 10) { edges { node { id status } } } } } }`,
    );
    expect(after.viewer.contact.invoiceSummary).toMatchObject({ outstandingCount: 0, totalDue: 0 });
    expect(after.viewer.contact.paidInvoices.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([invoiceId]);

    // The client was emailed the new invoice, then a receipt with the receipt PDF attached.
    const receipt = await waitForMail(business.staff, `pia@${business.slug}.test`, (m) => m.attachments.length > 0);
    expect(receipt.attachments).toEqual([expect.objectContaining({ name: "receipt-1.pdf", contentType: "application/pdf" })]);
    expect(receipt.attachments[0].size).toBeGreaterThan(1000);
  });

  it("another client of the same business, and another business's staff, cannot read or pay the invoice", async () => {
    const business = await createBusiness(platform, "Private Invoices");
    const owner = await signedInContact(platform, business, "Quinn");
    const other = await signedInContact(platform, business, "Rory");
    const invoiceId = await sentInvoice(business.staff, owner.id, 1200);

    const peek = await other.client.graphql(`query ($id: ID!) { invoice(id: $id) { id total } }`, { id: invoiceId });
    expect(peek.data?.invoice ?? null).toBeNull();
    const pay = await other.client.graphql(`mutation ($id: ID!) { payInvoiceWithTestPayment(invoiceId: $id) { __typename } }`, {
      id: invoiceId,
    });
    expect(pay.data?.payInvoiceWithTestPayment?.__typename ?? pay.errors?.[0]?.extensions?.code).not.toBe("InvoiceSuccess");

    const stranger = await createBusiness(platform, "Elsewhere");
    const crossTenant = await stranger.staff.graphql(`query ($id: ID!) { invoice(id: $id) { id total } }`, { id: invoiceId });
    expect(crossTenant.data?.invoice ?? null).toBeNull();
    const list = await stranger.staff.data(`{ invoices(first: 50) { edges { node { id } } } }`);
    expect(list.invoices.edges).toEqual([]);

    const still = await owner.client.data(`query ($id: ID!) { invoice(id: $id) { status amountDue } }`, { id: invoiceId });
    expect(still.invoice.status).toBe("OPEN");
  });
});
