import { randomUUID } from "node:crypto";
import { identity } from "@portal/contracts";
import { type Caller, callSubgraph, deliverEvent, forkFor, makeCaller, signedFetch, sql, type RunningSubgraphProcess } from "@portal/kit";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousIn, contactIn, gql, newTenant, type Tenant } from "./helpers.js";
import { createOffer, knowBusiness, ORDER_FIELDS, ORDER_STATUS, orderEvents, startOrder, TEST_PAY } from "./order-helpers.js";
import { StripeBilling } from "./stripe-fixture.js";
import { stripeEvent } from "./stripe-server.js";

const ORDERS = `query($offerId: ID, $status: OrderStatus, $first: Int, $after: String) { orders(offerId: $offerId, status: $status, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { ${ORDER_FIELDS} } } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;
const CONTACT_ORDERS = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Contact { id orders { totalCount edges { node { id offerName referralCode receiptUrl } } } } } }`;

const visitorOf = (businessId: string, ip = "203.0.113.7"): Caller =>
  makeCaller({ businessId, actor: { kind: "anonymous", id: null }, ip });

const succeededFor = (intent: { id: string; amount: number; metadata: Record<string, string> }, eventId?: string) =>
  stripeEvent(
    "payment_intent.succeeded",
    {
      id: intent.id,
      object: "payment_intent",
      amount: intent.amount,
      amount_received: intent.amount,
      currency: "usd",
      status: "succeeded",
      metadata: intent.metadata,
    },
    eventId,
  );

async function pdfText(bytes: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe("orders with Stripe", () => {
  const f = new StripeBilling();
  let billing: RunningSubgraphProcess;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    await f.start();
    billing = f.billing;
    a = await newTenant(billing);
    b = await newTenant(billing);
    await knowBusiness(billing, a.businessId, "https://shop.bright.test");
  });
  afterAll(() => f.stop());

  /** An offer of `tenant` and an order a visitor started for it. */
  async function started(tenant: Tenant, buyer: Record<string, unknown> = {}) {
    const offer = await createOffer(billing, tenant.staff);
    const order = await startOrder(billing, visitorOf(tenant.businessId), {
      slug: offer.slug,
      name: "Grace Hopper",
      email: "Grace@Example.test",
      referralCode: "spring-launch",
      ...buyer,
    });
    expect(order.__typename).toBe("OrderStarted");
    return { offer, order, intent: f.intentOf(order.clientSecret) };
  }

  async function paid(tenant: Tenant) {
    const run = await started(tenant);
    expect((await f.deliver(succeededFor(run.intent))).status).toBe(200);
    return run;
  }

  const resolve = (tenant: Tenant, orderId: string, contactId: string, created = true, accessStatus = "NONE") =>
    deliverEvent(billing.boss, identity.orderBuyerResolved, tenant.businessId, {
      orderId,
      contactId,
      created,
      accessStatus: accessStatus as "NONE",
    });

  async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("a visitor starts an order: a pending order, a PaymentIntent naming it, and a secret token for its status", async () => {
    const { offer, order, intent } = await started(a);
    expect(order).toMatchObject({ paymentMode: "STRIPE", publishableKey: "pk_test_portal", amount: 24900, currency: "USD" });
    expect(intent).toMatchObject({ amount: 24900, currency: "usd", metadata: { businessId: a.businessId, orderId: order.orderId } });
    const status = await gql(billing, anonymousIn(a.businessId), ORDER_STATUS, { id: order.orderId, token: order.orderToken });
    expect(status.publicOrderStatus).toMatchObject({
      status: "PENDING",
      nextStep: "WAIT",
      offerName: offer.name,
      buyerEmail: "Grace@Example.test",
    });
    expect(
      (await gql(billing, anonymousIn(a.businessId), ORDER_STATUS, { id: order.orderId, token: "guess" })).publicOrderStatus,
    ).toBeNull();
    expect(
      (await gql(billing, anonymousIn(b.businessId), ORDER_STATUS, { id: order.orderId, token: order.orderToken })).publicOrderStatus,
    ).toBeNull();
    const [row] = await sql<{ token_hash: string }>(forkFor(billing.orm, null), `select token_hash from billing.offer_order where id = ?`, [
      order.orderId,
    ]);
    expect(row!.token_hash).not.toContain(order.orderToken);
    // Nothing is granted or announced before the payment is confirmed.
    expect(await orderEvents(billing, order.orderId)).toEqual([]);
  });

  it("names the field of invalid buyer details; an unknown or archived offer is not for sale; a mangled referral code is dropped", async () => {
    const offer = await createOffer(billing, a.staff);
    const visitor = visitorOf(a.businessId, "203.0.113.8");
    expect(await startOrder(billing, visitor, { slug: offer.slug, name: " ", email: "a@b.test" })).toMatchObject({
      __typename: "ValidationError",
      field: "name",
    });
    expect(await startOrder(billing, visitor, { slug: offer.slug, name: "Ada", email: "not-an-email" })).toMatchObject({
      __typename: "ValidationError",
      field: "email",
    });
    expect(await startOrder(billing, visitor, { slug: offer.slug, name: "Ada", email: "" })).toMatchObject({
      __typename: "ValidationError",
      field: "email",
    });
    expect(await startOrder(billing, visitor, { slug: "no-such-offer", name: "Ada", email: "a@b.test" })).toMatchObject({
      __typename: "NotFoundError",
    });
    // Another business's offer is not for sale on this business's host.
    const theirs = await createOffer(billing, b.staff);
    expect(await startOrder(billing, visitor, { slug: theirs.slug, name: "Ada", email: "a@b.test" })).toMatchObject({
      __typename: "NotFoundError",
    });
    const mangled = await startOrder(billing, visitor, { slug: offer.slug, name: "Ada", email: "a@b.test", referralCode: "<script>" });
    expect(mangled.__typename).toBe("OrderStarted");
    const [row] = await sql<{ referral_code: string | null }>(
      forkFor(billing.orm, null),
      `select referral_code from billing.offer_order where id = ?`,
      [mangled.orderId],
    );
    expect(row!.referral_code).toBeNull();
  });

  it("Stripe's verified webhook marks the order paid once, however often or in whatever order events arrive", async () => {
    const { order, intent } = await started(a);
    const payload = succeededFor(intent);
    expect((await f.deliver(payload, { secret: "whsec_someone_else" })).status).toBe(400);
    expect(await orderEvents(billing, order.orderId)).toEqual([]);
    expect(await (await f.deliver(payload)).json()).toMatchObject({ outcome: "applied" });
    expect(await (await f.deliver(payload)).json()).toMatchObject({ outcome: "duplicate" }); // redelivered
    expect(await (await f.deliver(succeededFor(intent))).json()).toMatchObject({ outcome: "duplicate" }); // another event, same payment
    const lateFailure = stripeEvent("payment_intent.payment_failed", {
      id: intent.id,
      object: "payment_intent",
      amount: intent.amount,
      metadata: intent.metadata,
    });
    expect((await f.deliver(lateFailure)).status).toBe(200);
    const status = await gql(billing, anonymousIn(a.businessId), ORDER_STATUS, { id: order.orderId, token: order.orderToken });
    expect(status.publicOrderStatus).toMatchObject({ status: "PAID", nextStep: "WAIT" });
    const events = await orderEvents(billing, order.orderId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "billing.order.payment_received",
      business_id: a.businessId,
      payload: { orderId: order.orderId, buyer: { email: "Grace@Example.test", name: "Grace Hopper" }, referralCode: "spring-launch" },
    });
  });

  it("two deliveries racing for the same payment mark the order paid once", async () => {
    const { order, intent } = await started(a);
    const responses = await Promise.all([
      f.deliver(succeededFor(intent)),
      f.deliver(succeededFor(intent)),
      f.deliver(succeededFor(intent)),
    ]);
    const outcomes = await Promise.all(responses.map(async (response) => (await response.json()).outcome));
    expect(outcomes.sort()).toEqual(["applied", "duplicate", "duplicate"]);
    expect(await orderEvents(billing, order.orderId)).toHaveLength(1);
  });

  it("the buyer resolved to a contact makes the order READY and announces it paid once, with what it grants", async () => {
    const { offer, order } = await paid(a);
    const contactId = randomUUID();
    await resolve(a, order.orderId, contactId);
    const readStatus = () => gql(billing, anonymousIn(a.businessId), ORDER_STATUS, { id: order.orderId, token: order.orderToken });
    const ready = await until(readStatus, (data) => data.publicOrderStatus.status === "READY");
    expect(ready.publicOrderStatus).toMatchObject({ status: "READY", nextStep: "CHECK_EMAIL" });
    // A repeated answer, once the first was handled (jobs of one queue may run side by side), changes nothing.
    await resolve(a, order.orderId, randomUUID(), false, "ACTIVE");
    await new Promise((r) => setTimeout(r, 500)); // time for the repeated answer to be handled
    expect((await readStatus()).publicOrderStatus).toMatchObject({ status: "READY", nextStep: "CHECK_EMAIL" });
    const paidEvents = (await orderEvents(billing, order.orderId)).filter((event) => event.type === "billing.order.paid");
    expect(paidEvents).toHaveLength(1);
    expect(paidEvents[0]!.payload).toMatchObject({
      orderId: order.orderId,
      offerId: offer.id,
      offerName: offer.name,
      contactId,
      newContact: true,
      currency: "USD",
      amountPaid: 24900,
      grants: { courseIds: offer.courseIds, groupIds: offer.groupIds },
      referralCode: "spring-launch",
      portalPath: `/orders/${order.orderId}`,
    });
    const staffView = await gql(billing, a.staff, ORDER, { id: order.orderId });
    expect(staffView.order).toMatchObject({ status: "READY", contact: { id: contactId }, newContact: true, paymentMethod: "card" });
  });

  it("a buyer who already had portal access is told to sign in; another business's answer changes nothing", async () => {
    const { order } = await paid(a);
    await resolve(b, order.orderId, randomUUID(), false, "ACTIVE"); // names business B: not found there
    await new Promise((r) => setTimeout(r, 500));
    expect((await gql(billing, a.staff, ORDER, { id: order.orderId })).order).toMatchObject({ status: "PAID", contact: null });
    await resolve(a, order.orderId, a.contactId, false, "ACTIVE");
    const ready = await until(
      () => gql(billing, anonymousIn(a.businessId), ORDER_STATUS, { id: order.orderId, token: order.orderToken }),
      (data) => data.publicOrderStatus.status === "READY",
    );
    expect(ready.publicOrderStatus.nextStep).toBe("SIGN_IN");
  });

  it("staff list orders by offer and status; the buyer sees their own; nobody else, and never another business", async () => {
    const tenant = await newTenant(billing);
    const { offer, order } = await paid(tenant);
    await resolve(tenant, order.orderId, tenant.contactId, false, "ACTIVE");
    await until(
      () => gql(billing, tenant.staff, ORDER, { id: order.orderId }),
      (data) => data.order.status === "READY",
    );
    const other = await started(tenant); // still pending
    const all = await gql(billing, tenant.staff, ORDERS, {});
    expect(all.orders.edges.map((edge: any) => edge.node.id)).toEqual([other.order.orderId, order.orderId]); // newest first
    const byOffer = await gql(billing, tenant.staff, ORDERS, { offerId: offer.id });
    expect(byOffer.orders.edges.map((edge: any) => edge.node.id)).toEqual([order.orderId]);
    const pending = await gql(billing, tenant.staff, ORDERS, { status: "PENDING" });
    expect(pending.orders.edges.map((edge: any) => edge.node.id)).toEqual([other.order.orderId]);
    const page = await gql(billing, tenant.staff, ORDERS, { first: 1 });
    expect(page.orders).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });

    // The buyer (signed in as the order's contact) sees it, without the staff-only referral code.
    expect((await gql(billing, tenant.contact, ORDER, { id: order.orderId })).order).toMatchObject({
      id: order.orderId,
      referralCode: null,
      receiptUrl: `/files/billing/orders/${order.orderId}/receipt.pdf`,
    });
    const mine = await gql(billing, tenant.contact, CONTACT_ORDERS, { reps: [{ __typename: "Contact", id: tenant.contactId }] });
    expect(mine._entities[0].orders).toMatchObject({ totalCount: 1, edges: [{ node: { id: order.orderId, referralCode: null } }] });

    // Another contact of the business, and another business's staff and contacts: nothing.
    expect((await gql(billing, tenant.otherContact, ORDER, { id: order.orderId })).order).toBeNull();
    expect((await gql(billing, b.staff, ORDER, { id: order.orderId })).order).toBeNull();
    expect((await gql(billing, b.staff, ORDERS, {})).orders.edges.map((edge: any) => edge.node.id)).not.toContain(order.orderId);
    expect((await gql(billing, b.staff, ORDERS, { offerId: offer.id })).orders.totalCount).toBe(0);
    const foreign = await gql(billing, b.staff, CONTACT_ORDERS, { reps: [{ __typename: "Contact", id: tenant.contactId }] });
    expect(foreign._entities[0]?.orders?.totalCount ?? 0).toBe(0);
    expect((await gql(billing, contactIn(b.businessId, tenant.contactId), ORDER, { id: order.orderId })).order).toBeNull();
    const otherContact = await callSubgraph(billing.url, tenant.otherContact, CONTACT_ORDERS, {
      reps: [{ __typename: "Contact", id: tenant.contactId }],
    });
    expect(otherContact.data?._entities?.[0] ?? null).toBeNull();
  });

  it("the receipt PDF: for staff and the buyer, through the files endpoint; 404 for anyone else or before payment", async () => {
    const tenant = await newTenant(billing);
    await knowBusiness(billing, tenant.businessId, "https://receipts.bright.test");
    const { offer, order } = await paid(tenant);
    const download = async (caller: Caller, id = order.orderId) => {
      const response = await signedFetch(
        new URL(`/files/orders/${id}/receipt.pdf`, billing.url),
        caller,
        {},
        billing.runtime.gatewaySecret,
      );
      return {
        status: response.status,
        disposition: response.headers.get("content-disposition"),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    };
    const forStaff = await download(tenant.staff);
    expect(forStaff.status).toBe(200);
    expect(forStaff.disposition).toContain("receipt-order-1.pdf");
    const text = await pdfText(forStaff.bytes);
    expect(text).toContain("Receipt for order #1");
    expect(text).toContain("Bright Studio");
    expect(text).toContain(offer.name);
    expect(text).toContain("Grace Hopper");
    expect(text).toContain("$249.00");
    expect(text).toContain("Card");

    expect((await download(tenant.contact)).status).toBe(404); // not the buyer's contact yet
    await resolve(tenant, order.orderId, tenant.contactId, false, "ACTIVE");
    await until(
      () => download(tenant.contact),
      (r) => r.status === 200,
    );
    expect((await download(tenant.contact)).status).toBe(200);
    expect((await download(tenant.otherContact)).status).toBe(404);
    expect((await download(b.staff)).status).toBe(404);
    expect((await download(anonymousIn(tenant.businessId))).status).toBe(401);
    const pending = await started(tenant);
    expect((await download(tenant.staff, pending.order.orderId)).status).toBe(404);
  });
});

describe("orders with the demo's test payments", () => {
  let billing: RunningSubgraphProcess;
  let tenant: Tenant;
  beforeAll(async () => {
    const { startBilling } = await import("./helpers.js");
    billing = await startBilling({ orderStartLimits: { perIp: 3, windowSeconds: 600 } });
    tenant = await newTenant(billing);
  });
  afterAll(() => billing?.stop());

  it("the test payment pays the order once, without Stripe; it needs the order's token", async () => {
    const offer = await createOffer(billing, tenant.staff);
    const order = await startOrder(billing, visitorOf(tenant.businessId, "198.51.100.1"), {
      slug: offer.slug,
      name: "Ada",
      email: "ada@example.test",
    });
    expect(order).toMatchObject({ __typename: "OrderStarted", paymentMode: "TEST", clientSecret: null, publishableKey: null });
    const visitor = anonymousIn(tenant.businessId);
    expect((await gql(billing, visitor, TEST_PAY, { id: order.orderId, token: "wrong" })).payOrderWithTestPayment.__typename).toBe(
      "NotFoundError",
    );
    expect((await gql(billing, visitor, TEST_PAY, { id: order.orderId, token: order.orderToken })).payOrderWithTestPayment).toMatchObject({
      status: "PAID",
      nextStep: "WAIT",
    });
    await gql(billing, visitor, TEST_PAY, { id: order.orderId, token: order.orderToken });
    const events = await orderEvents(billing, order.orderId);
    expect(events.map((event) => event.type)).toEqual(["billing.order.payment_received"]);
    expect((await gql(billing, tenant.staff, ORDER, { id: order.orderId })).order.paymentMethod).toBe("test");
  });

  it("a visitor may start only so many orders; others still can", async () => {
    const offer = await createOffer(billing, tenant.staff);
    const input = { slug: offer.slug, name: "Ada", email: "ada@example.test" };
    const busy = visitorOf(tenant.businessId, "198.51.100.99");
    for (let i = 0; i < 3; i++) expect((await startOrder(billing, busy, input)).__typename).toBe("OrderStarted");
    const refused = await startOrder(billing, busy, input);
    expect(refused.__typename).toBe("RateLimitedError");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect((await startOrder(billing, visitorOf(tenant.businessId, "198.51.100.100"), input)).__typename).toBe("OrderStarted");
  });
});
