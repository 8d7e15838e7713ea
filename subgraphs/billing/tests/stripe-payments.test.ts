import type { RunningSubgraphProcess } from "@portal/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInvoice, gql, MUTATIONS, newTenant, startBilling } from "./helpers.js";
import { START, StripeBilling } from "./stripe-fixture.js";
import { STRIPE_KEYS } from "./stripe-server.js";

describe("starting a Stripe payment", () => {
  const f = new StripeBilling();
  beforeAll(() => f.start());
  afterAll(() => f.stop());

  it("tells the client to pay with Stripe and starts a PaymentIntent for the amount due", async () => {
    const tenant = await newTenant(f.billing);
    const options = await gql(f.billing, tenant.contact, `{ paymentOptions { paymentMode testMode stripePublishableKey } }`);
    expect(options.paymentOptions).toEqual({ paymentMode: "STRIPE", testMode: false, stripePublishableKey: STRIPE_KEYS.publishableKey });
    const invoice = await createInvoice(f.billing, tenant, { send: true });
    const started = await f.startPayment(tenant, invoice.id);
    expect(started).toMatchObject({
      __typename: "InvoicePaymentStarted",
      publishableKey: STRIPE_KEYS.publishableKey,
      amount: 10000,
      currency: "USD",
    });
    expect(f.intentOf(started.clientSecret)).toMatchObject({
      amount: 10000,
      currency: "usd",
      metadata: { invoiceId: invoice.id, businessId: tenant.businessId },
    });
    expect(await f.startPayment(tenant, invoice.id)).toEqual(started); // a retry resumes the same intent
    expect((await gql(f.billing, tenant.otherContact, START, { id: invoice.id })).startInvoicePayment.__typename).toBe("NotFoundError");
    const staffTry = await gql(f.billing, tenant.staff, START, { id: invoice.id }).catch((error: Error) => error.message);
    expect(staffTry).toMatch(/FORBIDDEN/);
  });

  it("two concurrent pay attempts create one PaymentIntent", async () => {
    const tenant = await newTenant(f.billing);
    const invoice = await createInvoice(f.billing, tenant, { send: true });
    const before = f.stripe.createCount;
    const keysBefore = f.stripe.idempotencyKeys.length;
    const results = await Promise.all([
      f.startPayment(tenant, invoice.id),
      f.startPayment(tenant, invoice.id),
      f.startPayment(tenant, invoice.id),
    ]);
    expect(new Set(results.map((result) => result.clientSecret)).size).toBe(1);
    expect(f.stripe.createCount - before).toBe(1);
    expect(f.stripe.idempotencyKeys.length - keysBefore).toBe(1); // the invoice lock queued the others: they resumed, never re-created
    expect(await f.attemptsOf(invoice.id)).toHaveLength(1);
    expect(f.stripe.idempotencyKeys.some((key) => key.includes(invoice.id) && key.includes("10000"))).toBe(true);
  });

  it("a new amount due cancels the old PaymentIntent and starts another", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    await gql(f.billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: invoice.id, amount: 4000, method: "CASH" } });
    const again = await f.startPayment(tenant, invoice.id);
    expect(again).toMatchObject({ __typename: "InvoicePaymentStarted", amount: 6000 });
    expect(intent.status).toBe("canceled");
    expect((await f.attemptsOf(invoice.id)).map((attempt) => attempt.status).sort()).toEqual(["canceled", "pending"]);
  });

  it("refuses drafts, void and paid invoices with a clear reason", async () => {
    const tenant = await newTenant(f.billing);
    const draft = await createInvoice(f.billing, tenant);
    expect((await f.startPayment(tenant, draft.id)).__typename).toBe("NotFoundError");
    const voided = await createInvoice(f.billing, tenant, { send: true });
    await gql(f.billing, tenant.staff, MUTATIONS.void, { id: voided.id });
    expect(await f.startPayment(tenant, voided.id)).toMatchObject({
      __typename: "InvoiceNotPayable",
      status: "VOID",
      message: "This invoice was cancelled and cannot be paid.",
    });
    const paid = await createInvoice(f.billing, tenant, { send: true });
    await gql(f.billing, tenant.staff, MUTATIONS.record, { input: { invoiceId: paid.id, method: "CASH" } });
    expect(await f.startPayment(tenant, paid.id)).toMatchObject({
      __typename: "InvoiceNotPayable",
      status: "PAID",
      message: "This invoice is already paid.",
    });
  });

  it("says the payment is being confirmed while Stripe has it but the webhook has not arrived", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    intent.status = "succeeded";
    expect(await f.startPayment(tenant, invoice.id)).toMatchObject({
      __typename: "InvoiceNotPayable",
      status: "OPEN",
      message: expect.stringMatching(/being confirmed/),
    });
  });
});

describe("without Stripe keys", () => {
  let billing: RunningSubgraphProcess;
  beforeAll(async () => {
    billing = await startBilling();
  });
  afterAll(async () => {
    await billing?.stop();
  });

  it("offers test payments, refuses startInvoicePayment and has no Stripe webhook", async () => {
    const tenant = await newTenant(billing);
    expect((await gql(billing, tenant.contact, `{ paymentOptions { paymentMode testMode stripePublishableKey } }`)).paymentOptions).toEqual(
      { paymentMode: "TEST", testMode: true, stripePublishableKey: null },
    );
    const invoice = await createInvoice(billing, tenant, { send: true });
    await expect(gql(billing, tenant.contact, START, { id: invoice.id })).rejects.toThrow(/FORBIDDEN/);
    const webhook = await fetch(billing.url.replace(/\/graphql$/, "/webhooks/stripe"), { method: "POST", body: "{}" });
    expect(webhook.status).toBe(404);
  });
});
