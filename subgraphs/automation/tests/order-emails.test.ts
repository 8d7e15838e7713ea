import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { billing, type PayloadInputOf } from "@portal/contracts";
import { forkFor, type RunningSubgraphProcess, sql } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrderReceiptRequest } from "../src/orders/order-receipt-pdf.js";
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
import { newContact, publishAt, publishBusiness, publishContact } from "./invoice-helpers.js";

const MAILBOX = `query Mailbox($to: String) {
  devMailbox(first: 20, to: $to) { totalCount edges { node { to subject html text attachments { name contentType size } } } }
}`;

function orderPaid(
  contactId: string,
  overrides: Partial<PayloadInputOf<typeof billing.orderPaid>> = {},
): PayloadInputOf<typeof billing.orderPaid> {
  const orderId = randomUUID();
  return {
    orderId,
    offerId: randomUUID(),
    offerName: "Pottery course",
    contactId,
    newContact: true,
    currency: "EUR",
    amountPaid: 15000,
    paidAt: "2026-12-06T10:00:00.000Z",
    grants: { courseIds: [], groupIds: [] },
    referralCode: null,
    portalPath: `/orders/${orderId}`,
    ...overrides,
  };
}

describe("order receipt emails", () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let automation: RunningSubgraphProcess;
  const asked: OrderReceiptRequest[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase(inject("databaseUrl" as never) as string);
    automation = await startAutomation(database.url, {
      orderReceiptPdf: async (request) => {
        asked.push(request);
        return {
          name: "receipt-order-7.pdf",
          contentType: "application/pdf",
          contentBase64: Buffer.from("%PDF-1.7 receipt").toString("base64"),
        };
      },
    });
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

  it("emails the buyer a branded receipt naming what they bought, with the order's PDF and a button to the order", async () => {
    const { business, contact } = await knownContact();
    const order = orderPaid(contact.id);
    await publishAt(automation, billing.orderPaid, business, order);
    const message = await eventually(async () => (await mailbox(business, contact.email))[0], 20_000, "the receipt");
    expect(message.subject).toBe(`Your receipt for Pottery course from ${business.displayName}`);
    expect(message.text).toContain("What you bought: Pottery course");
    expect(message.text).toContain("Amount paid: €150.00");
    expect(message.text).toContain("December 6, 2026");
    expect(message.html).toContain(`${business.portalUrl}/orders/${order.orderId}`);
    expect(message.html).toContain("View your order");
    expect(message.attachments).toEqual([{ name: "receipt-order-7.pdf", contentType: "application/pdf", size: 16 }]);
    expect(asked).toContainEqual({ businessId: business.id, orderId: order.orderId });
  });

  it("a buyer with Do Not Disturb on gets no email, and the log says why", async () => {
    const { business, contact } = await knownContact({ dnd: true });
    await publishAt(automation, billing.orderPaid, business, orderPaid(contact.id));
    const [entry] = await eventually(async () => {
      const found = await logEntriesFor(automation, business, contact.email);
      return found.length === 1 && found;
    });
    expect(entry).toMatchObject({ template: "ORDER_RECEIPT", status: "SUPPRESSED" });
    expect(await mailbox(business, contact.email)).toEqual([]);
  });
});
