import { forkFor, socketParams, sql, TEST_SECRET } from "@portal/kit";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql, outboxEvents } from "./helpers.js";
import { failed, refunded, StripeBilling, succeeded } from "./stripe-fixture.js";

describe("Stripe webhook", () => {
  const f = new StripeBilling();
  beforeAll(() => f.start());
  afterAll(() => f.stop());

  it("refuses a forged or altered webhook with 400 and changes nothing", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    const payload = succeeded(intent);
    expect((await f.deliver(payload, { secret: "whsec_someone_else" })).status).toBe(400);
    expect((await f.deliver(payload, { signature: null })).status).toBe(400);
    expect((await f.deliver(payload, { signature: "t=1,v1=deadbeef" })).status).toBe(400);
    expect((await f.deliver(payload, { body: payload.replace(`"amount":10000`, `"amount":10001`) })).status).toBe(400);
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({ status: "OPEN", amountPaid: 0, payments: [] });
    const seen = await sql(forkFor(f.billing.orm, null), `select 1 from billing.provider_event where event_id = ?`, [
      JSON.parse(payload).id,
    ]);
    expect(seen).toHaveLength(0);
  });

  it("refuses a genuine signature made an hour in the future or an hour ago, accepts a little clock skew", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    const payload = succeeded(intent);
    const hour = 60 * 60 * 1000;
    expect((await f.deliver(payload, { signedAt: new Date(Date.now() + hour) })).status).toBe(400);
    expect((await f.deliver(payload, { signedAt: new Date(Date.now() - hour) })).status).toBe(400);
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({ status: "OPEN", amountPaid: 0, payments: [] });
    const seen = await sql(forkFor(f.billing.orm, null), `select 1 from billing.provider_event where event_id = ?`, [
      JSON.parse(payload).id,
    ]);
    expect(seen).toHaveLength(0);
    const skewed = await f.deliver(payload, { signedAt: new Date(Date.now() + 60_000) });
    expect(skewed.status).toBe(200);
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({ status: "PAID" });
  });

  it("a succeeded payment pays the invoice once, however often and in whatever order events arrive", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    const payload = succeeded(intent);
    const first = await f.deliver(payload);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ outcome: "applied" });
    expect(await (await f.deliver(payload)).json()).toMatchObject({ outcome: "duplicate" }); // replayed
    expect((await f.deliver(succeeded(intent))).status).toBe(200); // a second succeeded event (new id)
    expect((await f.deliver(failed(intent, "Your card was declined."))).status).toBe(200); // a late failure
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({
      status: "PAID",
      amountPaid: 10000,
      amountDue: 0,
      lastPaymentError: null,
      payments: [{ kind: "PAYMENT", amount: 10000, method: "card" }],
    });
    const paid = (await outboxEvents(f.billing, invoice.id)).filter((event) => event.type === "billing.invoice.paid");
    expect(paid).toHaveLength(1);
    expect(paid[0]!.payload).toMatchObject({ invoiceId: invoice.id, amountPaid: 10000, method: "card" });
  });

  it("a replay delivered concurrently is applied once", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    const payload = succeeded(intent);
    const outcomes = await Promise.all(
      [f.deliver(payload), f.deliver(payload), f.deliver(payload)].map(async (response) => (await (await response).json()).outcome),
    );
    expect(outcomes.sort()).toEqual(["applied", "duplicate", "duplicate"]);
    expect((await f.invoiceOf(tenant, invoice.id)).payments).toHaveLength(1);
  });

  it("a declined card leaves the invoice payable and shows the reason until a retry succeeds", async () => {
    const { tenant, invoice, intent, started } = await f.startedInvoice();
    expect((await f.deliver(failed(intent, "Your card has insufficient funds."))).status).toBe(200);
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({
      status: "OPEN",
      amountDue: 10000,
      lastPaymentError: "Your card has insufficient funds.",
      payments: [],
    });
    const asStaff = await gql(f.billing, tenant.staff, `query($id: ID!) { invoice(id: $id) { lastPaymentError } }`, { id: invoice.id });
    expect(asStaff.invoice.lastPaymentError).toBe("Your card has insufficient funds.");
    expect(await f.startPayment(tenant, invoice.id)).toEqual(started); // the same intent takes another card
    await f.deliver(succeeded(intent));
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({ status: "PAID", lastPaymentError: null });
  });

  it("the client sees the decline reason, then the payment, live", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    const client = createClient({
      url: f.billing.url.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: socketParams(tenant.contact),
    });
    const received: { id: string; status: string; lastPaymentError: string | null }[] = [];
    client.subscribe(
      { query: `subscription { invoiceChanged { id status lastPaymentError } }` },
      { next: (value) => void received.push((value.data as any).invoiceChanged), error: () => undefined, complete: () => undefined },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await f.deliver(failed(intent, "Your card was declined."));
      await f.deliver(succeeded(intent));
      for (let waited = 0; received.length < 2 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received).toEqual([
        { id: invoice.id, status: "OPEN", lastPaymentError: "Your card was declined." },
        { id: invoice.id, status: "PAID", lastPaymentError: null },
      ]);
    } finally {
      await client.dispose();
    }
  });

  it("a refund arriving before the success converges to paid and refunded, each recorded once", async () => {
    const { tenant, invoice, intent } = await f.startedInvoice();
    await f.deliver(refunded(intent, 2500));
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({ status: "PARTIALLY_REFUNDED", amountPaid: 10000, amountRefunded: 2500 });
    await f.deliver(succeeded(intent));
    await f.deliver(refunded(intent, 2500)); // same refund state again, new event id
    expect(await f.invoiceOf(tenant, invoice.id)).toMatchObject({ status: "PARTIALLY_REFUNDED", amountPaid: 10000, amountRefunded: 2500 });
    await f.deliver(refunded(intent, 10000));
    const final = await f.invoiceOf(tenant, invoice.id);
    expect(final).toMatchObject({ status: "REFUNDED", amountRefunded: 10000 });
    expect(final.payments.map((payment: { kind: string; amount: number }) => [payment.kind, payment.amount])).toEqual([
      ["PAYMENT", 10000],
      ["REFUND", 2500],
      ["REFUND", 7500],
    ]);
  });

  it("ignores events about payments this portal did not start", async () => {
    const response = await f.deliver(succeeded({ id: "pi_elsewhere", amount: 500 }));
    expect(await response.json()).toMatchObject({ outcome: "ignored" });
  });
});
