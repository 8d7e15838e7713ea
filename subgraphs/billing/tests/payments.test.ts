import { callSubgraph, type RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BillingConfigError, createBillingSubgraph } from "../src/index.js";
import { countStatements, createInvoice, gql, MUTATIONS, newTenant, outboxEvents, startBilling } from "./helpers.js";

const STRIPE = { secretKey: "sk_test_x", publishableKey: "pk_test_x", webhookSecret: "whsec_x" };

describe("payments and refunds", () => {
  let billing: RunningSubgraphProcess;
  let live: RunningSubgraphProcess;
  beforeAll(async () => {
    billing = await startBilling();
    live = await startBilling({ testPayments: false });
  });
  afterAll(async () => {
    await billing?.stop();
    await live?.stop();
  });

  it("refuses test payments together with Stripe keys, or incomplete Stripe keys", () => {
    expect(() => createBillingSubgraph({ testPayments: true, stripe: STRIPE })).toThrow(BillingConfigError);
    expect(() => createBillingSubgraph({ testPayments: true, stripe: STRIPE })).toThrow(
      /Test payments cannot be enabled while Stripe keys are set/,
    );
    expect(() => createBillingSubgraph({ testPayments: false, stripe: { ...STRIPE, webhookSecret: "" } })).toThrow(/STRIPE_WEBHOOK_SECRET/);
    expect(createBillingSubgraph({ testPayments: false, stripe: STRIPE }).name).toBe("billing");
  });

  it("staff record partial then full offline payments; the invoice is paid with billing.invoice.paid", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    const partial = await gql(billing, tenant.staff, MUTATIONS.record, {
      input: { invoiceId: invoice.id, amount: 4000, method: "BANK_TRANSFER", reference: "TX-1" },
    });
    expect(partial.recordPayment.invoice).toMatchObject({ status: "OPEN", amountPaid: 4000, amountDue: 6000 });
    const tooMuch = await gql(billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: invoice.id, amount: 6001, method: "CASH" } });
    expect(tooMuch.recordPayment).toMatchObject({ __typename: "ValidationError", field: "amount" });
    const rest = await gql(billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: invoice.id, method: "CASH" } });
    expect(rest.recordPayment.invoice).toMatchObject({ status: "PAID", amountPaid: 10000, amountDue: 0 });
    const paid = (await outboxEvents(billing, invoice.id)).find((event) => event.type === "billing.invoice.paid")!;
    expect(paid.payload).toMatchObject({
      invoiceId: invoice.id,
      contactId: tenant.contactId,
      number: invoice.number,
      amountPaid: 10000,
      method: "cash",
    });
    expect(Date.parse(paid.payload.paidAt)).not.toBeNaN();
    const draft = await createInvoice(billing, tenant);
    expect(
      (await gql(billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: draft.id, method: "CASH" } })).recordPayment.__typename,
    ).toBe("InvoiceStateError");
  });

  it("refunds never exceed what was paid; partial then full refund", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    const open = await gql(billing, tenant.staff, MUTATIONS.refund, { input: { invoiceId: invoice.id, amount: 100 } });
    expect(open.refundInvoice.__typename).toBe("InvoiceStateError");
    await gql(billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: invoice.id, method: "CHECK" } });
    const tooMuch = await gql(billing, tenant.staff, MUTATIONS.refund, { input: { invoiceId: invoice.id, amount: 10001 } });
    expect(tooMuch.refundInvoice).toMatchObject({ __typename: "ValidationError", field: "amount" });
    const partial = await gql(billing, tenant.staff, MUTATIONS.refund, {
      input: { invoiceId: invoice.id, amount: 2500, reason: "Late delivery" },
    });
    expect(partial.refundInvoice.invoice).toMatchObject({ status: "PARTIALLY_REFUNDED", amountRefunded: 2500, amountDue: 0 });
    const rest = await gql(billing, tenant.staff, MUTATIONS.refund, { input: { invoiceId: invoice.id, amount: 7500 } });
    expect(rest.refundInvoice.invoice).toMatchObject({ status: "REFUNDED", amountRefunded: 10000 });
    expect(
      (await gql(billing, tenant.staff, MUTATIONS.refund, { input: { invoiceId: invoice.id, amount: 1 } })).refundInvoice,
    ).toMatchObject({ __typename: "InvoiceStateError", status: "REFUNDED" });
    const refunds = (await outboxEvents(billing, invoice.id)).filter((event) => event.type === "billing.invoice.refunded");
    expect(refunds.map((event) => [event.payload.amount, event.payload.fullyRefunded])).toEqual([
      [2500, false],
      [7500, true],
    ]);
  });

  it("the contact pays their open invoice in test-payment mode, once, even when clicking twice", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    const options = await gql(billing, tenant.contact, `{ paymentOptions { testMode stripePublishableKey } }`);
    expect(options.paymentOptions).toEqual({ testMode: true, stripePublishableKey: null });
    const [first, second] = await Promise.all([1, 2].map(() => gql(billing, tenant.contact, MUTATIONS.testPay, { id: invoice.id })));
    const outcomes = [first.payInvoiceWithTestPayment, second.payInvoiceWithTestPayment];
    expect(outcomes.map((outcome) => outcome.__typename).sort()).toEqual(["InvoiceStateError", "InvoiceSuccess"]);
    const success = outcomes.find((outcome) => outcome.__typename === "InvoiceSuccess");
    expect(success.invoice).toMatchObject({ status: "PAID", amountPaid: 10000, amountDue: 0, memo: null });
    const paid = (await outboxEvents(billing, invoice.id)).filter((event) => event.type === "billing.invoice.paid");
    expect(paid.map((event) => event.payload.method)).toEqual(["test"]);
  });

  it("only the invoice's own contact can pay it, and only when test payments are on", async () => {
    const tenant = await newTenant(billing);
    const other = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    const draft = await createInvoice(billing, tenant);
    expect((await gql(billing, tenant.otherContact, MUTATIONS.testPay, { id: invoice.id })).payInvoiceWithTestPayment.__typename).toBe(
      "NotFoundError",
    );
    expect((await gql(billing, other.contact, MUTATIONS.testPay, { id: invoice.id })).payInvoiceWithTestPayment.__typename).toBe(
      "NotFoundError",
    );
    expect((await gql(billing, tenant.contact, MUTATIONS.testPay, { id: draft.id })).payInvoiceWithTestPayment.__typename).toBe(
      "NotFoundError",
    );
    const staff = await callSubgraph(billing.url, tenant.staff, MUTATIONS.testPay, { id: invoice.id });
    expect(staff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const disabled = await callSubgraph(live.url, tenant.contact, MUTATIONS.testPay, { id: invoice.id });
    expect(disabled.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await gql(billing, tenant.staff, `query($id: ID!) { invoice(id: $id) { status } }`, { id: invoice.id })).invoice.status).toBe(
      "OPEN",
    );
  });

  it("lists an invoice's payments and refunds: references for staff only, one statement for a whole page", async () => {
    const tenant = await newTenant(billing);
    const invoice = await createInvoice(billing, tenant, { send: true });
    await gql(billing, tenant.staff, MUTATIONS.record, {
      input: { invoiceId: invoice.id, amount: 3000, method: "BANK_TRANSFER", reference: "TX-9" },
    });
    await gql(billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: invoice.id, method: "CASH" } });
    await gql(billing, tenant.staff, MUTATIONS.refund, { input: { invoiceId: invoice.id, amount: 500, reason: "Goodwill" } });
    const PAYMENTS = `query($id: ID!) { invoice(id: $id) { payments { kind amount method reference } } }`;
    expect((await gql(billing, tenant.staff, PAYMENTS, { id: invoice.id })).invoice.payments).toEqual([
      { kind: "PAYMENT", amount: 3000, method: "bank_transfer", reference: "TX-9" },
      { kind: "PAYMENT", amount: 7000, method: "cash", reference: "" },
      { kind: "REFUND", amount: 500, method: "other", reference: "Goodwill" },
    ]);
    expect((await gql(billing, tenant.contact, PAYMENTS, { id: invoice.id })).invoice.payments.map((p: any) => p.reference)).toEqual([
      null,
      null,
      null,
    ]);

    const LIST = `{ invoices(first: 50) { edges { node { id payments { amount } } } } }`;
    const few = await countStatements(billing, tenant.businessId, () => gql(billing, tenant.staff, LIST));
    await Promise.all(Array.from({ length: 6 }, () => createInvoice(billing, tenant, { send: true })));
    const many = await countStatements(billing, tenant.businessId, () => gql(billing, tenant.staff, LIST));
    expect(many).toBe(few);
  });
});
